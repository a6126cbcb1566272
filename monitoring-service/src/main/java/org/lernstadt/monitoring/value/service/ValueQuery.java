package org.lernstadt.monitoring.value.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lernstadt.monitoring.analysis.repository.TargetRepository;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.area.service.Area;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.indicator.service.IndicatorService;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.domain.Confidentiality;
import org.lernstadt.monitoring.value.domain.Suppression;
import org.lernstadt.monitoring.value.mapping.ValueSet;
import org.lernstadt.monitoring.value.mapping.ValueView;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.platform.web.ProblemException;

/**
 * Reads the values of an indicator. Suppression is decided on every cell of the periods asked for
 * (all areas and categories) before the request's filter narrows them, so that no filter can show a
 * group with a single suppressed cell.
 */
@ApplicationScoped
public class ValueQuery {

  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2200, 1, 1);

  @Inject IndicatorService indicators;
  @Inject ValueRepository values;
  @Inject AreaRepository areas;
  @Inject TargetRepository targets;

  @WithSession
  public Uni<ValueSet> values(String code, ValueFilter filter, boolean unsuppressed) {
    LocalDate reference = filter.referenceDate() == null ? LocalDate.now() : filter.referenceDate();
    List<Period> relative = relative(filter, reference);
    LocalDate from =
        relative != null
            ? relative.getFirst().start()
            : filter.from() == null ? EARLIEST : period("from", filter.from()).start();
    LocalDate to =
        relative != null
            ? relative.getLast().end()
            : filter.to() == null ? LATEST : period("to", filter.to()).end();
    if (!from.isBefore(to)) {
      throw ProblemException.invalid("to", "must not be before from");
    }
    Set<String> periodIds =
        relative == null ? null : new HashSet<>(relative.stream().map(Period::id).toList());
    return indicators
        .require(code)
        .chain(
            indicator ->
                areas
                    .list()
                    .chain(
                        all ->
                            areaFilter(filter)
                                .chain(
                                    wanted ->
                                        values
                                            .cells(code, from, to)
                                            .chain(
                                                cells ->
                                                    targets
                                                        .of(code)
                                                        .map(
                                                            goals ->
                                                                build(
                                                                    indicator,
                                                                    filter,
                                                                    unsuppressed,
                                                                    reference,
                                                                    relative,
                                                                    periodIds,
                                                                    all,
                                                                    wanted,
                                                                    cells,
                                                                    goals))))));
  }

  private Uni<Set<String>> areaFilter(ValueFilter filter) {
    if (filter.area() == null) {
      return Uni.createFrom().nullItem();
    }
    return areas
        .find(filter.area())
        .chain(
            found -> {
              if (found.isEmpty()) {
                throw ProblemException.notFound("Area " + filter.area());
              }
              return filter.history()
                  ? areas.lineage(filter.area()).map(HashSet::new)
                  : Uni.createFrom().item(Set.of(filter.area()));
            });
  }

  private static ValueSet build(
      Indicator indicator,
      ValueFilter filter,
      boolean unsuppressed,
      LocalDate reference,
      List<Period> relative,
      Set<String> periodIds,
      List<Area> areas,
      Set<String> wantedAreas,
      List<Cell> cells,
      List<TargetRepository.Target> goals) {
    Map<String, String> parentOf = new HashMap<>();
    areas.forEach(a -> parentOf.put(a.code(), a.parent()));
    List<Cell> inPeriods =
        periodIds == null
            ? cells
            : cells.stream().filter(c -> periodIds.contains(c.period())).toList();
    Map<Cell.Key, Confidentiality> status = Suppression.apply(inPeriods, indicator, parentOf);
    Map<String, BigDecimal> goalOf = new HashMap<>();
    goals.forEach(g -> goalOf.put(g.area() + "/" + g.year(), g.target()));
    List<ValueView> views =
        inPeriods.stream()
            .filter(c -> wantedAreas == null || wantedAreas.contains(c.area()))
            .filter(c -> matchesDimension(c, filter))
            .map(c -> view(c, status.get(c.key()), unsuppressed, goalOf))
            .toList();
    List<String> periods =
        relative != null
            ? relative.stream().map(Period::id).toList()
            : inPeriods.stream().map(Cell::period).distinct().toList();
    return new ValueSet(indicator, !unsuppressed, reference, periods, views);
  }

  private static boolean matchesDimension(Cell c, ValueFilter filter) {
    if (filter.dimension() == null) {
      return true;
    }
    if (filter.dimension().equals("total")) {
      return c.isTotal();
    }
    return c.dimension().equals(filter.dimension())
        && (filter.category() == null || c.category().equals(filter.category()));
  }

  private static ValueView view(
      Cell c, Confidentiality status, boolean unsuppressed, Map<String, BigDecimal> goalOf) {
    boolean show = unsuppressed || status == Confidentiality.FREE;
    BigDecimal target = c.isTotal() ? goalOf.get(c.area() + "/" + c.periodStart().getYear()) : null;
    BigDecimal distance =
        show && target != null && c.value() != null ? c.value().subtract(target) : null;
    return new ValueView(
        c.area(),
        c.period(),
        c.dimension(),
        c.category(),
        show ? c.value() : null,
        show ? c.numerator() : null,
        show ? c.denominator() : null,
        status,
        c.origin(),
        unsuppressed ? c.flagged() : null,
        target,
        distance);
  }

  private static List<Period> relative(ValueFilter filter, LocalDate reference) {
    if (filter.period() == null) {
      return null;
    }
    if (filter.from() != null || filter.to() != null) {
      throw ProblemException.invalid("period", "give either period or from/to");
    }
    try {
      return Period.resolve(filter.period(), reference);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("period", e.getMessage());
    }
  }

  private static Period period(String field, String id) {
    try {
      return Period.parse(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(field, e.getMessage());
    }
  }
}
