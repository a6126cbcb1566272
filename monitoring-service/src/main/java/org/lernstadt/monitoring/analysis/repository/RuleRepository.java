package org.lernstadt.monitoring.analysis.repository;

import static org.lernstadt.monitoring.common.Sql.args;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lernstadt.monitoring.analysis.domain.Importance;
import org.lernstadt.monitoring.analysis.domain.MissingStrategy;
import org.lernstadt.monitoring.analysis.domain.Rule;
import org.lernstadt.monitoring.analysis.domain.RuleKind;
import org.lernstadt.monitoring.common.Sql;

/** SQL of rules and alerts. */
@ApplicationScoped
public class RuleRepository {

  /** An alert as stored. */
  public record Alert(
      UUID id,
      UUID rule,
      String indicator,
      String area,
      String importance,
      String period,
      String message,
      OffsetDateTime raisedAt,
      OffsetDateTime resolvedAt,
      String resolvedPeriod) {}

  private static final String RULES =
      "select id, indicator_code, area_code, kind, threshold, periods, importance, missing from rule";
  private static final String ALERTS =
      "select id, rule_id, indicator_code, area_code, importance, period, message, raised_at,"
          + " resolved_at, resolved_period from alert";

  @Inject Sql sql;

  public Uni<Void> insert(Rule r) {
    return sql.update(
            "insert into rule (id, indicator_code, area_code, kind, threshold, periods, importance,"
                + " missing) values (:id, :indicator, cast(:area as text), :kind,"
                + " cast(:threshold as numeric), :periods, :importance, :missing)",
            args(
                "id", r.id(),
                "indicator", r.indicator(),
                "area", r.area(),
                "kind", r.kind().name(),
                "threshold", r.threshold(),
                "periods", r.periods(),
                "importance", r.importance().name(),
                "missing", r.missing().name()))
        .replaceWithVoid();
  }

  public Uni<Integer> delete(String indicator, UUID id) {
    return sql.update(
        "delete from rule where id = :id and indicator_code = :indicator",
        args("id", id, "indicator", indicator));
  }

  public Uni<List<Rule>> of(String indicator) {
    return sql.rows(
            RULES + " where indicator_code = :indicator order by created_at, id",
            args("indicator", indicator))
        .map(rows -> rows.stream().map(RuleRepository::rule).toList());
  }

  public Uni<Optional<Alert>> open(UUID rule, String area) {
    return sql.rows(
            ALERTS + " where rule_id = :rule and area_code = :area and resolved_at is null",
            args("rule", rule, "area", area))
        .map(rows -> rows.stream().findFirst().map(RuleRepository::alert));
  }

  /** Raises an alert unless one is open for the rule and area (the unique index decides). */
  public Uni<Boolean> raise(Rule rule, String area, String period, String message, UUID id) {
    return sql.update(
            "insert into alert (id, rule_id, indicator_code, area_code, importance, period, message)"
                + " values (:id, :rule, :indicator, :area, :importance, :period, :message)"
                + " on conflict do nothing",
            args(
                "id", id,
                "rule", rule.id(),
                "indicator", rule.indicator(),
                "area", area,
                "importance", rule.importance().name(),
                "period", period,
                "message", message))
        .map(n -> n > 0);
  }

  public Uni<Integer> resolve(UUID alert, String period) {
    return sql.update(
        "update alert set resolved_at = now(), resolved_period = :period"
            + " where id = :id and resolved_at is null",
        args("id", alert, "period", period));
  }

  /** The number of open alerts in an area, by indicator (indicators without any are left out). */
  public Uni<Map<String, Long>> openAlertCounts(String area) {
    return sql.rows(
            "select indicator_code, count(*) from alert where area_code = :area"
                + " and resolved_at is null group by indicator_code",
            args("area", area))
        .map(
            rows ->
                rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> Sql.count(r[1]))));
  }

  public Uni<List<Alert>> alerts(Boolean open, String indicator, String area, int limit) {
    return sql.rows(
            ALERTS
                + " where (cast(:open as boolean) is null or (resolved_at is null) = cast(:open as boolean))"
                + " and (cast(:indicator as text) is null or indicator_code = cast(:indicator as text))"
                + " and (cast(:area as text) is null or area_code = cast(:area as text))"
                + " order by raised_at desc, id limit :limit",
            args("open", open, "indicator", indicator, "area", area, "limit", limit))
        .map(rows -> rows.stream().map(RuleRepository::alert).toList());
  }

  static Rule rule(Object[] r) {
    return new Rule(
        (UUID) r[0],
        (String) r[1],
        (String) r[2],
        RuleKind.valueOf((String) r[3]),
        Sql.decimal(r[4]),
        Sql.integer(r[5]),
        Importance.valueOf((String) r[6]),
        MissingStrategy.valueOf((String) r[7]));
  }

  static Alert alert(Object[] r) {
    return new Alert(
        (UUID) r[0],
        (UUID) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        timestamp(r[7]),
        timestamp(r[8]),
        (String) r[9]);
  }

  private static OffsetDateTime timestamp(Object column) {
    return switch (column) {
      case null -> null;
      case OffsetDateTime t -> t;
      case java.time.Instant i -> i.atOffset(java.time.ZoneOffset.UTC);
      case java.time.LocalDateTime l -> l.atOffset(java.time.ZoneOffset.UTC);
      case java.sql.Timestamp t -> t.toInstant().atOffset(java.time.ZoneOffset.UTC);
      default -> OffsetDateTime.parse(column.toString());
    };
  }
}
