package org.lernstadt.monitoring.value.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lernstadt.monitoring.common.MonitoringEvents;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * The one write path of data values (imports, events, surveys): stores the cells that changed,
 * publishes "value updated" for each through the outbox and lets the rules look at the series, all
 * in the caller's transaction.
 */
@ApplicationScoped
public class ValueStore {

  /** A value-updated event body; never more than the aggregate numbers. */
  public record ValueUpdated(
      String indicator,
      String area,
      String period,
      String dimension,
      String category,
      BigDecimal numerator,
      BigDecimal denominator,
      BigDecimal value,
      String origin,
      OffsetDateTime occurredAt) {}

  @Inject ValueRepository values;
  @Inject Outbox outbox;
  @Inject SeriesListener listener;

  /**
   * Stores the cells of an indicator that differ from what is stored ({@code existing}, by key), in
   * one statement, publishes each change and lets the rules look at each area whose total changed.
   *
   * @return the cells that changed
   */
  public Uni<List<Cell>> writeAll(
      Indicator indicator, List<Cell> cells, Map<Cell.Key, Cell> existing) {
    List<Cell> changed = cells.stream().filter(c -> !c.sameNumbers(existing.get(c.key()))).toList();
    if (changed.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Map<String, Cell> totals = new LinkedHashMap<>();
    changed.stream().filter(Cell::isTotal).forEach(c -> totals.putIfAbsent(c.area(), c));
    return values
        .upsertAll(indicator.code(), changed)
        .chain(() -> Steps.each(changed, c -> published(indicator, c)))
        .chain(() -> Steps.each(totals.values(), c -> listener.changed(indicator, c)))
        .replaceWith(changed);
  }

  /** The cells by key, as {@link #writeAll} compares them. */
  public static Map<Cell.Key, Cell> byKey(List<Cell> cells) {
    Map<Cell.Key, Cell> map = new HashMap<>();
    cells.forEach(c -> map.put(c.key(), c));
    return map;
  }

  private Uni<Void> published(Indicator indicator, Cell cell) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    ValueUpdated body =
        new ValueUpdated(
            indicator.code(),
            cell.area(),
            cell.period(),
            cell.dimension(),
            cell.category(),
            cell.numerator(),
            cell.denominator(),
            cell.value(),
            cell.origin(),
            now);
    String key = indicator.code() + "/" + cell.area();
    return outbox
        .append(
            new OutgoingEvent(
                MonitoringEvents.TOPIC, MonitoringEvents.VALUE_UPDATED, key, key, body, now))
        .replaceWithVoid();
  }
}
