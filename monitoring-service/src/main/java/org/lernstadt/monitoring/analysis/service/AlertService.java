package org.lernstadt.monitoring.analysis.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.monitoring.analysis.domain.Rule;
import org.lernstadt.monitoring.analysis.domain.RuleKind;
import org.lernstadt.monitoring.analysis.repository.RuleRepository;
import org.lernstadt.monitoring.area.repository.AreaRepository;
import org.lernstadt.monitoring.area.service.AreaLevel;
import org.lernstadt.monitoring.common.MonitoringEvents;
import org.lernstadt.monitoring.common.Steps;
import org.lernstadt.monitoring.indicator.domain.Indicator;
import org.lernstadt.monitoring.indicator.domain.Period;
import org.lernstadt.monitoring.value.domain.Cell;
import org.lernstadt.monitoring.value.repository.ValueRepository;
import org.lernstadt.monitoring.value.service.SeriesListener;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * Evaluates the rules of a series whenever one of its totals changes, in the writer's transaction:
 * an alert is raised when a rule starts to hold and resolved when it stops, once each (the open
 * alert per rule and area is unique), and each is published.
 */
@ApplicationScoped
public class AlertService implements SeriesListener {

  /** Body of alert raised / resolved. */
  public record AlertEvent(
      String alertId,
      String ruleId,
      String indicator,
      String area,
      String kind,
      String importance,
      String period,
      String message,
      OffsetDateTime occurredAt) {}

  @Inject RuleRepository rules;
  @Inject ValueRepository values;
  @Inject AreaRepository areas;
  @Inject Outbox outbox;

  @Override
  public Uni<Void> changed(Indicator indicator, Cell cell) {
    if (!cell.isTotal()) {
      return Uni.createFrom().voidItem();
    }
    return rules
        .of(indicator.code())
        .chain(
            all ->
                all.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : areas
                        .levels()
                        .chain(
                            levels -> {
                              // the city's value is every deviation rule's yardstick
                              boolean city = levels.get(cell.area()) == AreaLevel.CITY;
                              return Steps.each(
                                  all,
                                  rule -> {
                                    if (city && rule.kind() == RuleKind.DEVIATION_FROM_CITY) {
                                      return evaluateAll(indicator, rule);
                                    }
                                    return rule.area() == null || rule.area().equals(cell.area())
                                        ? evaluate(indicator, rule, cell.area())
                                        : Uni.createFrom().voidItem();
                                  });
                            }));
  }

  /** Evaluates a new rule on every area it covers that has values. */
  public Uni<Void> evaluateAll(Indicator indicator, Rule rule) {
    Uni<List<String>> covered =
        rule.area() != null
            ? Uni.createFrom().item(List.of(rule.area()))
            : values.areasOf(indicator.code());
    return covered.chain(list -> Steps.each(list, area -> evaluate(indicator, rule, area)));
  }

  private Uni<Void> evaluate(Indicator indicator, Rule rule, String area) {
    return values
        .series(indicator.code(), area)
        .chain(
            series -> {
              if (series.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              Map<String, Cell> byPeriod = new HashMap<>();
              series.forEach(c -> byPeriod.put(c.period(), c));
              Period latest = Period.parse(series.getLast().period());
              List<Double> window = new ArrayList<>();
              Period p = latest;
              for (int i = 0; i < rule.window(); i++) {
                Cell c = byPeriod.get(p.id());
                window.addFirst(c == null || c.value() == null ? null : c.value().doubleValue());
                p = p.previous();
              }
              Uni<Double> city =
                  rule.kind() == RuleKind.DEVIATION_FROM_CITY
                      ? cityValue(indicator, latest)
                      : Uni.createFrom().nullItem();
              return city.chain(
                  cityValue -> {
                    Optional<String> verdict = rule.check(window, cityValue, indicator.polarity());
                    return verdict == null
                        ? Uni.createFrom().voidItem()
                        : apply(indicator, rule, area, latest.id(), verdict);
                  });
            });
  }

  private Uni<Double> cityValue(Indicator indicator, Period period) {
    return areas
        .levels()
        .chain(
            levels -> {
              String city =
                  levels.entrySet().stream()
                      .filter(e -> e.getValue() == AreaLevel.CITY)
                      .map(Map.Entry::getKey)
                      .findFirst()
                      .orElse(null);
              if (city == null) {
                return Uni.createFrom().nullItem();
              }
              return values
                  .find(indicator.code(), new Cell.Key(city, period.id(), "", ""))
                  .map(c -> c.map(Cell::value).map(v -> v.doubleValue()).orElse(null));
            });
  }

  private Uni<Void> apply(
      Indicator indicator, Rule rule, String area, String period, Optional<String> verdict) {
    return rules
        .open(rule.id(), area)
        .chain(
            open -> {
              if (verdict.isPresent() && open.isEmpty()) {
                UUID id = UUID.randomUUID();
                String message =
                    indicator.name() + " in " + area + " (" + period + "): " + verdict.get();
                return rules
                    .raise(rule, area, period, message, id)
                    .chain(
                        raised ->
                            raised
                                ? publish(
                                    MonitoringEvents.ALERT_RAISED, id, rule, area, period, message)
                                : Uni.createFrom().voidItem());
              }
              if (verdict.isEmpty() && open.isPresent()) {
                RuleRepository.Alert alert = open.get();
                return rules
                    .resolve(alert.id(), period)
                    .chain(
                        () ->
                            publish(
                                MonitoringEvents.ALERT_RESOLVED,
                                alert.id(),
                                rule,
                                area,
                                period,
                                alert.message()));
              }
              return Uni.createFrom().voidItem();
            });
  }

  private Uni<Void> publish(
      String type, UUID id, Rule rule, String area, String period, String message) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    AlertEvent body =
        new AlertEvent(
            id.toString(),
            rule.id().toString(),
            rule.indicator(),
            area,
            rule.kind().name(),
            rule.importance().name(),
            period,
            message,
            now);
    String key = rule.indicator() + "/" + area;
    return outbox
        .append(new OutgoingEvent(MonitoringEvents.TOPIC, type, key, id.toString(), body, now))
        .replaceWithVoid();
  }
}
