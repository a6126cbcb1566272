package org.lernstadt.monitoring.live.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.area.service.AreaLevel;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.indicator.domain.PeriodType;
import org.lernstadt.monitoring.indicator.domain.Source;
import org.lernstadt.monitoring.indicator.repository.IndicatorRepository;
import org.lernstadt.monitoring.live.repository.DirtyRepository;
import org.lernstadt.monitoring.live.repository.FactRepository;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.monitoring.value.service.PopulationListener;
import org.lernstadt.monitoring.value.service.ValueStore;

/**
 * Computes the event-sourced indicators of the districts and years events touched, and of the city,
 * from the stored facts (so the result does not depend on the order or number of deliveries). The
 * consumer only marks what an event touched, in the event's transaction; a scheduled recompute
 * takes the marks in batches, so a burst of events on one district costs one computation, not one
 * per event. A district code the monitoring does not know counts for the city only.
 */
@ApplicationScoped
public class LiveComputer implements PopulationListener {

  static final int BATCH = 500;
  private static final Logger LOG = Logger.getLogger(LiveComputer.class);

  /** A district (or {@code null} when unknown) and a year an event moved. */
  public record Touched(String district, int year) {}

  @Inject IndicatorRepository indicators;
  @Inject AreaRepository areas;
  @Inject FactRepository facts;
  @Inject ValueRepository values;
  @Inject ValueStore store;
  @Inject DirtyRepository dirty;

  /** Marks the computations of the districts and years for the next recompute. */
  public Uni<Void> mark(Set<Computation> computations, Set<Touched> touched) {
    List<DirtyRepository.Mark> marks = new ArrayList<>();
    for (Computation c : computations) {
      for (Touched t : touched) {
        marks.add(
            new DirtyRepository.Mark(c.name(), t.district() == null ? "" : t.district(), t.year()));
      }
    }
    // one order for every transaction, so two events marking the same rows cannot deadlock
    marks.sort(
        java.util.Comparator.comparing(DirtyRepository.Mark::computation)
            .thenComparing(DirtyRepository.Mark::district)
            .thenComparingInt(DirtyRepository.Mark::year));
    return dirty.mark(marks);
  }

  @Scheduled(
      every = "${lernstadt.monitoring.recompute-every:0.1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> onSchedule() {
    return Multi.createBy()
        .repeating()
        .uni(this::recomputeBatch)
        .whilst(taken -> taken == BATCH)
        .collect()
        .last()
        .replaceWithVoid();
  }

  /**
   * Takes up to {@value #BATCH} marks in a short transaction of its own (a mark still locked by an
   * event's open transaction is skipped, so every fact behind a taken mark is visible), then
   * recomputes them in a second one; if that fails, the marks are put back. Events marking the same
   * cells meanwhile wait only for the first, short transaction.
   *
   * @return how many marks it took
   */
  private Uni<Integer> recomputeBatch() {
    return Panache.withTransaction(() -> dirty.take(BATCH))
        .chain(
            marks ->
                marks.isEmpty()
                    ? Uni.createFrom().item(0)
                    : Panache.withTransaction(() -> recompute(marks))
                        .replaceWith(marks.size())
                        .onFailure()
                        .recoverWithUni(
                            failure -> {
                              LOG.warnf(
                                  "recompute of %d marks failed, marked again: %s",
                                  marks.size(), failure);
                              return Panache.withTransaction(() -> dirty.mark(marks))
                                  .replaceWith(0);
                            }));
  }

  private Uni<Void> recompute(List<DirtyRepository.Mark> marks) {
    Map<Computation, Set<Touched>> byComputation = new LinkedHashMap<>();
    for (DirtyRepository.Mark m : marks) {
      byComputation
          .computeIfAbsent(Computation.valueOf(m.computation()), k -> new LinkedHashSet<>())
          .add(new Touched(m.district().isEmpty() ? null : m.district(), m.year()));
    }
    return Steps.each(byComputation.entrySet(), e -> recompute(Set.of(e.getKey()), e.getValue()));
  }

  private Uni<Void> recompute(Set<Computation> computations, Set<Touched> touched) {
    if (computations.isEmpty() || touched.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return indicators
        .bySource(Source.EVENTS)
        .chain(
            all ->
                areas
                    .levels()
                    .chain(
                        levels -> {
                          List<Indicator> affected =
                              all.stream()
                                  .filter(i -> i.periodType() == PeriodType.YEAR)
                                  .filter(
                                      i ->
                                          computations.contains(
                                              Computation.valueOf(i.computation())))
                                  .toList();
                          return Steps.each(
                              targets(touched, levels),
                              t ->
                                  Steps.each(
                                      affected, i -> compute(i, t.area(), t.city(), t.year())));
                        }));
  }

  /** Population changed: every event-sourced value of those areas and years is computed again. */
  @Override
  public Uni<Void> changed(Set<String> areaYears) {
    Set<Touched> touched = new LinkedHashSet<>();
    for (String areaYear : areaYears) {
      String[] parts = areaYear.split("/");
      touched.add(new Touched(parts[0], Integer.parseInt(parts[1])));
    }
    return mark(Set.of(Computation.values()), touched);
  }

  private record Target(String area, boolean city, int year) {}

  private static List<Target> targets(Set<Touched> touched, Map<String, AreaLevel> levels) {
    String city =
        levels.entrySet().stream()
            .filter(e -> e.getValue() == AreaLevel.CITY)
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    Set<Target> targets = new LinkedHashSet<>();
    for (Touched t : touched) {
      if (t.district() != null && levels.containsKey(t.district()) && !t.district().equals(city)) {
        targets.add(new Target(t.district(), false, t.year()));
      }
      if (city != null) {
        targets.add(new Target(city, true, t.year()));
      }
    }
    return new ArrayList<>(targets);
  }

  private Uni<Void> compute(Indicator indicator, String area, boolean city, int year) {
    Period period = new Period(PeriodType.YEAR, year, 1);
    Computation computation = Computation.valueOf(indicator.computation());
    Uni<Integer> population =
        indicator.denominatorPopulation() == null
            ? Uni.createFrom().nullItem()
            : areas.population(area, year, indicator.denominatorPopulation());
    return population.chain(
        persons ->
            facts
                .compute(computation, city ? null : area, year)
                .chain(
                    counts ->
                        values
                            .cells(indicator.code(), area, period.id())
                            .chain(
                                existing -> {
                                  Map<String, Cell> cells = new HashMap<>();
                                  String dimension =
                                      indicator.disaggregations().isEmpty()
                                          ? ""
                                          : indicator.disaggregations().getFirst();
                                  for (FactRepository.Count count : counts) {
                                    String dim = count.category().isEmpty() ? "" : dimension;
                                    if (!count.category().isEmpty() && dim.isEmpty()) {
                                      continue;
                                    }
                                    cells.put(
                                        dim + "=" + count.category(),
                                        cell(
                                            indicator,
                                            area,
                                            period,
                                            dim,
                                            count.category(),
                                            count.numerator(),
                                            denominator(indicator, count.denominator(), persons)));
                                  }
                                  // exactly the computed cells: one no longer computed (an offer
                                  // moved away) goes, as a rebuild would not produce it
                                  List<Cell.Key> gone =
                                      existing.stream()
                                          .map(Cell::key)
                                          .filter(
                                              k ->
                                                  !cells.containsKey(
                                                      k.dimension() + "=" + k.category()))
                                          .toList();
                                  return values
                                      .deleteAll(indicator.code(), gone)
                                      .chain(
                                          () ->
                                              store.writeAll(
                                                  indicator,
                                                  List.copyOf(cells.values()),
                                                  ValueStore.byKey(existing)))
                                      .replaceWithVoid();
                                })));
  }

  private static BigDecimal denominator(Indicator indicator, BigDecimal counted, Integer persons) {
    if (indicator.denominatorPopulation() != null) {
      return persons == null ? null : BigDecimal.valueOf(persons);
    }
    if (indicator.isCount()) {
      return BigDecimal.ONE;
    }
    return counted == null ? BigDecimal.ZERO : counted;
  }

  private static Cell cell(
      Indicator indicator,
      String area,
      Period period,
      String dimension,
      String category,
      BigDecimal numerator,
      BigDecimal denominator) {
    return new Cell(
        area,
        period.id(),
        period.start(),
        dimension,
        category,
        numerator,
        denominator,
        indicator.value(numerator, denominator),
        Source.EVENTS.name(),
        null);
  }
}
