package org.lernstadt.monitoring.live.repository;

import static org.lernstadt.monitoring.common.Sql.args;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.monitoring.common.Sql;
import org.lernstadt.monitoring.live.service.Computation;

/**
 * The facts the live consumer keeps, and each computation as one query over them for a district (or
 * the whole city with district {@code null}) and a year.
 */
@ApplicationScoped
public class FactRepository {

  /**
   * A computed breakdown: category {@code ""} is the total; denominator {@code null}: population.
   */
  public record Count(String category, BigDecimal numerator, BigDecimal denominator) {}

  /** A stored offer's districts and years, to know which values it moved. */
  public record OfferScope(List<String> districts, int firstYear, int lastYear, int version) {}

  /** Where and when a fact was counted. */
  public record Place(String district, int year) {}

  private static final String OFFER_SCOPE =
      " from offer_fact o where :year between o.first_year and o.last_year"
          + " and (cast(:district as text) is null or cast(:district as text) = any(o.districts))";
  private static final String OFFER_WHERE = OFFER_SCOPE + " and o.public";
  private static final String FACT_WHERE =
      " from event_fact f where f.year = :year"
          + " and (cast(:district as text) is null or f.district = cast(:district as text))";
  private static final String NO_DENOMINATOR = "cast(null as numeric)";

  private static final Map<Computation, String> QUERIES = new EnumMap<>(Computation.class);

  static {
    QUERIES.put(
        Computation.OFFERS,
        "select '', count(*), "
            + NO_DENOMINATOR
            + OFFER_WHERE
            // every topic of an offer ever in scope gets its cell, 0 once none is public, so the
            // cells do not depend on whether a recompute fell between publishing and withdrawing
            + " union all select t.topic, count(*) filter (where o.public), "
            + NO_DENOMINATOR
            + OFFER_SCOPE.replace(" where ", " cross join unnest(o.topics) as t(topic) where ")
            + " group by t.topic");
    QUERIES.put(
        Computation.FREE_OFFERS,
        "select '', count(*) filter (where o.free), count(*)" + OFFER_WHERE);
    QUERIES.put(
        Computation.SENIOR_OFFERS,
        "select '', count(*) filter (where 'SENIORS' = any(o.life_phases)"
            + " or 'SENIORS' = any(o.target_groups)), "
            + NO_DENOMINATOR
            + OFFER_WHERE);
    QUERIES.put(
        Computation.PARENT_OFFERS,
        "select '', count(*) filter (where 'PARENTS' = any(o.life_phases)"
            + " or 'PARENTS' = any(o.target_groups)), "
            + NO_DENOMINATOR
            + OFFER_WHERE);
    QUERIES.put(
        Computation.ESD_OFFERS,
        "select '', count(*) filter (where 'SUSTAINABLE_DEVELOPMENT' = any(o.topics)), count(*)"
            + OFFER_WHERE);
    QUERIES.put(Computation.CASES_OPENED, perCategory("CASE_OPENED"));
    QUERIES.put(Computation.CASES_CLOSED, perCategory("CASE_CLOSED"));
    QUERIES.put(
        Computation.REFERRALS,
        "select '', count(*) filter (where exists (select 1 from event_fact c"
            + " where c.kind = 'REFERRAL_COMPLETED' and c.subject = f.subject)), count(*)"
            + FACT_WHERE
            + " and f.kind = 'REFERRAL_MADE'");
    QUERIES.put(
        Computation.WAITING_DAYS,
        "select '', coalesce(sum(f.amount), 0), count(*)"
            + FACT_WHERE
            + " and f.kind = 'BOOKING' and not exists (select 1 from event_fact c"
            + " where c.kind = 'BOOKING_CANCELLED' and c.subject = f.subject)");
    QUERIES.put(
        Computation.CONTRIBUTIONS,
        "select '', count(*), " + NO_DENOMINATOR + FACT_WHERE + " and f.kind = 'CONTRIBUTION'");
    QUERIES.put(
        Computation.PARTICIPANTS,
        "select '', count(distinct f.participant), "
            + NO_DENOMINATOR
            + FACT_WHERE
            + " and f.kind in ('CONTRIBUTION', 'COMMENT')");
    // an event's attendance may be reported again with a corrected figure: the latest counts
    QUERIES.put(
        Computation.ATTENDANCE,
        "select '', coalesce(sum(a.amount), 0), "
            + NO_DENOMINATOR
            + " from (select distinct on (f.subject) f.amount"
            + FACT_WHERE
            + " and f.kind = 'ATTENDANCE' order by f.subject, f.occurred_at desc, f.event_id desc) a");
  }

  private static String perCategory(String kind) {
    String where = FACT_WHERE + " and f.kind = '" + kind + "'";
    return "select '', count(*), "
        + NO_DENOMINATOR
        + where
        + " union all select f.category, count(*), "
        + NO_DENOMINATOR
        + where
        + " group by f.category";
  }

  @Inject Sql sql;

  public Uni<List<Count>> compute(Computation computation, String district, int year) {
    return sql.rows(QUERIES.get(computation), args("district", district, "year", year))
        .map(
            rows ->
                rows.stream()
                    .map(r -> new Count((String) r[0], Sql.decimal(r[1]), Sql.decimal(r[2])))
                    .toList());
  }

  /**
   * Records a fact; a fact of the same event and kind is there already after a replay.
   *
   * @return whether it is new
   */
  public Uni<Boolean> record(
      String eventId,
      String kind,
      String subject,
      String district,
      int year,
      String category,
      BigDecimal amount,
      String participant,
      OffsetDateTime occurredAt) {
    return sql.update(
            "insert into event_fact (event_id, kind, subject, district, year, category, amount,"
                + " participant, occurred_at) values (:eventId, :kind, :subject,"
                + " cast(:district as text), :year, :category, :amount, cast(:participant as text),"
                + " :occurredAt) on conflict do nothing",
            args(
                "eventId", eventId,
                "kind", kind,
                "subject", subject,
                "district", district,
                "year", year,
                "category", category,
                "amount", amount,
                "participant", participant,
                "occurredAt", occurredAt))
        .map(n -> n > 0);
  }

  /** Where the first fact of a kind about a subject was counted (e.g. the referral made). */
  public Uni<Optional<Place>> placeOf(String subject, String kind) {
    return sql.rows(
            "select district, year from event_fact where subject = :subject and kind = :kind"
                + " order by occurred_at limit 1",
            args("subject", subject, "kind", kind))
        .map(
            rows ->
                rows.stream().findFirst().map(r -> new Place((String) r[0], Sql.integer(r[1]))));
  }

  /** Cuts the link from an erased case's facts to its pseudonym; the counts stay. */
  public Uni<Integer> forget(String subject) {
    return sql.update(
        "update event_fact set subject = 'erased:' || event_id where subject = :subject",
        args("subject", subject));
  }

  public Uni<Optional<OfferScope>> offer(UUID offerId) {
    return sql.rows(
            "select array_to_string(districts, ','), first_year, last_year, version"
                + " from offer_fact where offer_id = :id",
            args("id", offerId))
        .map(
            rows ->
                rows.stream()
                    .findFirst()
                    .map(
                        r ->
                            new OfferScope(
                                ((String) r[0]).isEmpty()
                                    ? List.of()
                                    : List.of(((String) r[0]).split(",")),
                                Sql.integer(r[1]),
                                Sql.integer(r[2]),
                                Sql.integer(r[3]))));
  }

  public Uni<Void> putOffer(
      UUID offerId,
      boolean visible,
      List<String> districts,
      List<String> topics,
      List<String> lifePhases,
      List<String> targetGroups,
      boolean free,
      int firstYear,
      int lastYear,
      int version) {
    return sql.update(
            "insert into offer_fact (offer_id, public, districts, topics, life_phases,"
                + " target_groups, free, first_year, last_year, version) values (:id, :public,"
                + " cast(cast(:districts as text) as text[]), cast(cast(:topics as text) as text[]),"
                + " cast(cast(:lifePhases as text) as text[]),"
                + " cast(cast(:targetGroups as text) as text[]), :free, :firstYear, :lastYear,"
                + " :version) on conflict (offer_id) do update set public = excluded.public,"
                + " districts = excluded.districts, topics = excluded.topics,"
                + " life_phases = excluded.life_phases, target_groups = excluded.target_groups,"
                + " free = excluded.free, first_year = excluded.first_year,"
                + " last_year = excluded.last_year, version = excluded.version",
            args(
                "id", offerId,
                "public", visible,
                "districts", array(districts),
                "topics", array(topics),
                "lifePhases", array(lifePhases),
                "targetGroups", array(targetGroups),
                "free", free,
                "firstYear", firstYear,
                "lastYear", lastYear,
                "version", version))
        .replaceWithVoid();
  }

  /** Forgets every fact, for a rebuild from offset 0. */
  public Uni<Void> clear() {
    return sql.update("delete from event_fact", args())
        .chain(() -> sql.update("delete from offer_fact", args()))
        .replaceWithVoid();
  }

  /** A PostgreSQL array literal of codes (which never contain quotes, commas or braces). */
  private static String array(List<String> items) {
    return "{" + String.join(",", items.stream().map(i -> "\"" + i + "\"").toList()) + "}";
  }
}
