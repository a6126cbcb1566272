package org.lernstadt.monitoring.analysis.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.monitoring.analysis.repository.TargetRepository;
import org.lernstadt.monitoring.analysis.repository.TargetRepository.Target;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.indicator.domain.Polarity;
import org.lernstadt.monitoring.indicator.service.IndicatorService;
import org.lernstadt.monitoring.value.mapping.ValueSet;
import org.lernstadt.monitoring.value.service.ValueFilter;
import org.lernstadt.monitoring.value.service.ValueQuery;
import org.lernstadt.platform.web.ProblemException;

/** The city's goals per indicator, area and year, and the yearly review of all of them. */
@ApplicationScoped
public class TargetService {

  /** A neutral indicator counts as on target within this share of the target. */
  private static final double NEUTRAL_TOLERANCE = 0.05;

  @Inject TargetRepository targets;
  @Inject IndicatorService indicators;
  @Inject AreaRepository areas;
  @Inject ValueQuery query;

  @WithTransaction
  public Uni<Target> put(String code, TargetCommand c) {
    Target target =
        new Target(
            code, c.area(), c.year(), c.target(), c.guideline() == null ? "" : c.guideline());
    return indicators
        .require(code)
        .chain(() -> areas.find(c.area()))
        .invoke(
            area -> {
              if (area.isEmpty()) {
                throw ProblemException.invalid("area", "no such area: " + c.area());
              }
            })
        .chain(() -> targets.upsert(target))
        .replaceWith(target);
  }

  @WithSession
  public Uni<List<TargetStatus>> of(String code, boolean unsuppressed) {
    return indicators
        .require(code)
        .chain(() -> targets.of(code))
        .chain(list -> statuses(list, unsuppressed));
  }

  /** Every target of the year with its status: Leipzig's yearly review of its guidelines. */
  @WithSession
  public Uni<List<TargetStatus>> review(int year, boolean unsuppressed) {
    return targets.ofYear(year).chain(list -> statuses(list, unsuppressed));
  }

  private Uni<List<TargetStatus>> statuses(List<Target> list, boolean unsuppressed) {
    Map<String, List<Target>> byIndicator = new LinkedHashMap<>();
    list.forEach(t -> byIndicator.computeIfAbsent(t.indicator(), k -> new ArrayList<>()).add(t));
    List<TargetStatus> result = new ArrayList<>();
    return Steps.each(
            byIndicator.entrySet(),
            entry ->
                query
                    .values(
                        entry.getKey(),
                        new ValueFilter(null, false, null, null, null, null, "total", null),
                        unsuppressed)
                    .invoke(set -> entry.getValue().forEach(t -> result.add(status(set, t)))))
        .replaceWith(result);
  }

  static TargetStatus status(ValueSet set, Target t) {
    Indicator indicator = set.indicator();
    SeriesView series = TrendService.series(set, t.area(), Integer.MAX_VALUE, 0);
    double target = t.target().doubleValue();
    Double value = null;
    String period = null;
    String status;
    int index = -1;
    for (int i = 0; i < series.periods().size(); i++) {
      if (Period.parse(series.periods().get(i)).year() == t.year()
          && series.values().get(i) != null) {
        index = i;
      }
    }
    if (index >= 0) {
      value = series.values().get(index);
      period = series.periods().get(index);
      status = meets(indicator.polarity(), value, target) ? "ACHIEVED" : "NOT_ACHIEVED";
    } else {
      Double latest = null;
      for (int i = series.values().size() - 1; i >= 0 && latest == null; i--) {
        latest = series.values().get(i);
        period = series.periods().get(i);
      }
      if (latest == null) {
        return new TargetStatus(
            t.indicator(),
            indicator.name(),
            t.area(),
            t.year(),
            t.target(),
            t.guideline(),
            null,
            null,
            null,
            "NO_DATA");
      }
      value = latest;
      Period last = Period.parse(period);
      double expected = latest;
      if (series.trend().slope() != null && last.year() < t.year()) {
        int steps = 0;
        for (Period p = last; p.year() < t.year(); p = p.next()) {
          steps++;
        }
        expected =
            series.trend().intercept()
                + series.trend().slope() * (series.periods().size() - 1 + steps);
      }
      status = meets(indicator.polarity(), expected, target) ? "ON_TRACK" : "OFF_TRACK";
    }
    return new TargetStatus(
        t.indicator(),
        indicator.name(),
        t.area(),
        t.year(),
        t.target(),
        t.guideline(),
        value,
        period,
        value - target,
        status);
  }

  private static boolean meets(Polarity polarity, double value, double target) {
    return switch (polarity) {
      case HIGHER_IS_BETTER -> value >= target;
      case LOWER_IS_BETTER -> value <= target;
      case NEUTRAL -> Math.abs(value - target) <= Math.abs(target) * NEUTRAL_TOLERANCE;
    };
  }
}
