package org.lernstadt.monitoring.value.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.lernstadt.monitoring.common.MonitoringEvents;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * The one write path of data values (imports, events, surveys): stores the cell and, if it changed,
 * publishes "value updated" through the outbox and lets the rules look at the series, all in the
 * caller's transaction.
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
   * @return whether the stored value changed
   */
  public Uni<Boolean> write(Indicator indicator, Cell cell) {
    return values
        .upsert(indicator.code(), cell)
        .call(changed -> changed ? published(indicator, cell) : Uni.createFrom().voidItem());
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
        .chain(() -> listener.changed(indicator, cell))
        .replaceWithVoid();
  }
}
