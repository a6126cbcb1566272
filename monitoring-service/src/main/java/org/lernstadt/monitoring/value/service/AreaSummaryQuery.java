package org.lernstadt.monitoring.value.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.monitoring.analysis.repository.RuleRepository;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.area.service.Area;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.repository.IndicatorRepository;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.domain.Confidentiality;
import org.lernstadt.monitoring.value.domain.Suppression;
import org.lernstadt.monitoring.value.mapping.AreaSummary;
import org.lernstadt.monitoring.value.mapping.AreaSummary.AreaRef;
import org.lernstadt.monitoring.value.mapping.AreaSummary.Direction;
import org.lernstadt.monitoring.value.mapping.AreaSummary.IndicatorSummary;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.platform.web.ProblemException;

/**
 * The latest value of every indicator in an area, with the one before it. Suppression is decided as
 * in {@link ValueQuery}: over every cell of the periods shown (all areas and categories), so the
 * summary hides exactly what the values endpoint hides. A fixed handful of queries, whatever the
 * number of indicators.
 */
@ApplicationScoped
public class AreaSummaryQuery {

  @Inject AreaRepository areas;
  @Inject IndicatorRepository indicators;
  @Inject ValueRepository values;
  @Inject RuleRepository rules;

  /**
   * @param internal an analyst's or admin's view: unsuppressed, with open alerts
   */
  @WithSession
  public Uni<AreaSummary> summary(String code, boolean internal) {
    return areas
        .find(code)
        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Area " + code)))
        .chain(
            area ->
                areas
                    .list()
                    .chain(
                        all ->
                            indicators
                                .list()
                                .chain(
                                    definitions ->
                                        values
                                            .recentPeriodsAround(code)
                                            .chain(
                                                cells ->
                                                    openAlerts(code, internal)
                                                        .map(
                                                            alerts ->
                                                                build(
                                                                    area,
                                                                    all,
                                                                    definitions,
                                                                    cells,
                                                                    alerts,
                                                                    internal))))));
  }

  private Uni<Map<String, Long>> openAlerts(String area, boolean internal) {
    return internal ? rules.openAlertCounts(area) : Uni.createFrom().item(Map.of());
  }

  private static AreaSummary build(
      Area area,
      List<Area> all,
      List<Indicator> definitions,
      Map<String, List<Cell>> cellsByIndicator,
      Map<String, Long> alerts,
      boolean internal) {
    Map<String, String> parentOf = new HashMap<>();
    all.forEach(a -> parentOf.put(a.code(), a.parent()));
    List<IndicatorSummary> summaries = new ArrayList<>();
    for (Indicator indicator : definitions) {
      List<Cell> cells = cellsByIndicator.get(indicator.code());
      if (cells == null) {
        continue;
      }
      Map<Cell.Key, Confidentiality> status = Suppression.apply(cells, indicator, parentOf);
      // the area's totals with a value, oldest first: one or two
      List<Cell> totals =
          cells.stream()
              .filter(c -> c.area().equals(area.code()) && c.isTotal() && c.value() != null)
              .toList();
      Cell latest = totals.getLast();
      Cell previous = totals.size() > 1 ? totals.get(totals.size() - 2) : null;
      Confidentiality confidentiality = status.get(latest.key());
      var value = internal || confidentiality == Confidentiality.FREE ? latest.value() : null;
      var previousValue =
          previous != null && (internal || status.get(previous.key()) == Confidentiality.FREE)
              ? previous.value()
              : null;
      summaries.add(
          new IndicatorSummary(
              indicator.code(),
              indicator.name(),
              indicator.unit(),
              indicator.topicArea(),
              latest.period(),
              value,
              previous == null ? null : previous.period(),
              previousValue,
              Direction.between(previousValue, value),
              confidentiality,
              internal ? alerts.getOrDefault(indicator.code(), 0L) : null));
    }
    return new AreaSummary(new AreaRef(area.code(), area.name(), area.level()), summaries);
  }
}
