package org.lernstadt.counseling.casework.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lernstadt.counseling.casework.domain.CaseStatus;
import org.lernstadt.counseling.casework.domain.Transition;
import org.lernstadt.counseling.casework.mapping.ConsentView;
import org.lernstadt.counseling.common.Sql;

/**
 * SQL of the case aggregate: the case, its consents, sessions, biography entries and referrals.
 * Runs on the caller's connection and transaction. Personal fields go in and out as ciphertext;
 * sealing and opening is the service's business.
 */
@ApplicationScoped
public class CaseRepository {

  private static final String REF_COLUMNS =
      "c.id, c.person_id, c.centre_id, c.counsellor, c.transition, c.stage, c.status, c.outcome,"
          + " c.district, c.age_band, c.opened_at, c.closed_at";

  /** A row of a case with its person's wrapped key (null once erased) and sealed fields. */
  public record SealedCase(CaseRef ref, byte[] wrappedKey, byte[] personData, byte[] notes) {}

  /** A list row: the case and its person's wrapped key and sealed data. */
  public record ListedCase(CaseRef ref, byte[] wrappedKey, byte[] personData) {}

  /** Filters of the case list; null means any. */
  public record CaseFilter(
      List<UUID> centres, Transition transition, String stage, CaseStatus status) {}

  public record SessionRow(
      UUID id,
      OffsetDateTime heldAt,
      String format,
      int durationMinutes,
      List<String> topics,
      byte[] note,
      String recordedBy) {}

  public record BiographyRow(
      UUID id,
      String kind,
      LocalDate occurredOn,
      byte[] content,
      String recordedBy,
      OffsetDateTime recordedAt) {}

  public record ReferralRow(
      UUID id,
      UUID caseId,
      String targetKind,
      UUID offerId,
      String institution,
      String status,
      byte[] shared,
      OffsetDateTime proposedAt,
      OffsetDateTime acceptedAt,
      OffsetDateTime startedAt,
      OffsetDateTime completedAt,
      OffsetDateTime declinedAt,
      String offerUnavailable) {}

  @Inject Pool pool;

  public Pool pool() {
    return pool;
  }

  public Uni<Void> insert(
      SqlClient sql,
      UUID id,
      UUID personId,
      UUID centreId,
      String counsellor,
      Transition transition,
      String stage,
      String district,
      String ageBand,
      byte[] personData,
      byte[] notes) {
    return sql.preparedQuery(
            "insert into counselling_case (id, person_id, centre_id, counsellor, transition,"
                + " stage, status, district, age_band, person_data, notes)"
                + " values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $9, $10)")
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    personId,
                    centreId,
                    counsellor,
                    transition.name(),
                    stage,
                    district,
                    ageBand,
                    Sql.bytes(personData),
                    Sql.bytes(notes))))
        .replaceWithVoid();
  }

  public Uni<Optional<CaseRef>> ref(SqlClient sql, UUID id, boolean forUpdate) {
    return sql.preparedQuery(
            "select "
                + REF_COLUMNS
                + " from counselling_case c where c.id = $1"
                + (forUpdate ? " for update" : ""))
        .execute(Tuple.of(id))
        .map(Sql.first(CaseRepository::toRef));
  }

  public Uni<SealedCase> sealed(SqlClient sql, UUID id) {
    return sql.preparedQuery(
            "select "
                + REF_COLUMNS
                + ", p.wrapped_key, c.person_data, c.notes from counselling_case c"
                + " join person p on p.id = c.person_id where c.id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new SealedCase(
                  toRef(r),
                  Sql.bytes(r, "wrapped_key"),
                  Sql.bytes(r, "person_data"),
                  Sql.bytes(r, "notes"));
            });
  }

  /**
   * One page of cases, newest first, after the keyset position ({@code afterOpenedAt}, {@code
   * afterId}); erased cases are left out.
   */
  public Uni<List<ListedCase>> list(
      SqlClient sql, CaseFilter filter, OffsetDateTime afterOpenedAt, UUID afterId, int fetch) {
    List<Object> params = new ArrayList<>();
    params.add(filter.centres().toArray(UUID[]::new));
    StringBuilder where =
        new StringBuilder(" where c.centre_id = m.centre_id and c.status <> 'ERASED'");
    if (filter.transition() != null) {
      params.add(filter.transition().name());
      where.append(" and c.transition = $").append(params.size());
    }
    if (filter.stage() != null) {
      params.add(filter.stage());
      where.append(" and c.stage = $").append(params.size());
    }
    if (filter.status() != null) {
      params.add(filter.status().name());
      where.append(" and c.status = $").append(params.size());
    }
    if (afterOpenedAt != null) {
      params.add(afterOpenedAt);
      params.add(afterId);
      where
          .append(" and (c.opened_at, c.id) < ($")
          .append(params.size() - 1)
          .append(", $")
          .append(params.size())
          .append(")");
    }
    params.add(fetch);
    String limit = " limit $" + params.size();
    // Newest first per centre along its index, then merged: a counsellor of several centres
    // costs a few short index scans instead of sorting all their centres' cases.
    return sql.preparedQuery(
            "select "
                + REF_COLUMNS
                + ", p.wrapped_key, c.person_data from unnest($1::uuid[]) as m(centre_id)"
                + " cross join lateral (select c.* from counselling_case c"
                + where
                + " order by c.opened_at desc, c.id desc"
                + limit
                + ") c join person p on p.id = c.person_id"
                + " order by c.opened_at desc, c.id desc"
                + limit)
        .execute(Tuple.tuple(params))
        .map(
            Sql.all(
                r ->
                    new ListedCase(
                        toRef(r), Sql.bytes(r, "wrapped_key"), Sql.bytes(r, "person_data"))));
  }

  /** Writes the changeable fields of a case; closing stamps closed_at, reopening clears it. */
  public Uni<Void> update(
      SqlClient sql,
      UUID id,
      String counsellor,
      String stage,
      CaseStatus status,
      String outcome,
      byte[] personData,
      byte[] notes) {
    return sql.preparedQuery(
            "update counselling_case set stage = $2, status = $3, outcome = $4,"
                + " person_data = $5, notes = $6, counsellor = $7, updated_at = now(),"
                + " closed_at = case when $3 = 'CLOSED' then coalesce(closed_at, now()) end"
                + " where id = $1")
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    stage,
                    status.name(),
                    outcome,
                    Sql.bytes(personData),
                    Sql.bytes(notes),
                    counsellor)))
        .replaceWithVoid();
  }

  // Consents

  public Uni<Void> insertConsent(
      SqlClient sql,
      UUID id,
      UUID caseId,
      String purpose,
      String legalBasis,
      List<String> shared,
      String grantedBy) {
    return sql.preparedQuery(
            "insert into consent (id, case_id, purpose, legal_basis, shared_fields, granted_by)"
                + " values ($1, $2, $3, $4, $5, $6)")
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id, caseId, purpose, legalBasis, shared.toArray(String[]::new), grantedBy)))
        .replaceWithVoid();
  }

  public Uni<List<ConsentView>> consents(SqlClient sql, UUID caseId) {
    return sql.preparedQuery(
            "select id, purpose, legal_basis, shared_fields, granted_at, granted_by,"
                + " withdrawn_at, withdrawn_by from consent where case_id = $1"
                + " order by granted_at, purpose, id")
        .execute(Tuple.of(caseId))
        .map(Sql.all(CaseRepository::toConsent));
  }

  /** The valid consent of the case for the purpose, if any (the latest). */
  public Uni<Optional<ConsentView>> validConsent(SqlClient sql, UUID caseId, String purpose) {
    return sql.preparedQuery(
            "select id, purpose, legal_basis, shared_fields, granted_at, granted_by,"
                + " withdrawn_at, withdrawn_by from consent where case_id = $1 and purpose = $2"
                + " and withdrawn_at is null order by granted_at desc limit 1")
        .execute(Tuple.of(caseId, purpose))
        .map(Sql.first(CaseRepository::toConsent));
  }

  /** Withdraws the consent; true if it was valid until now. */
  public Uni<Boolean> withdrawConsent(SqlClient sql, UUID caseId, UUID consentId, String by) {
    return sql.preparedQuery(
            "update consent set withdrawn_at = now(), withdrawn_by = $3"
                + " where id = $2 and case_id = $1 and withdrawn_at is null")
        .execute(Tuple.of(caseId, consentId, by))
        .map(rows -> rows.rowCount() == 1);
  }

  public Uni<Void> insertOverride(
      SqlClient sql, UUID caseId, String purpose, String action, String reason, String actor) {
    return sql.preparedQuery(
            "insert into consent_override (id, case_id, purpose, action, reason, actor)"
                + " values ($1, $2, $3, $4, $5, $6)")
        .execute(
            Tuple.tuple(Arrays.asList(UUID.randomUUID(), caseId, purpose, action, reason, actor)))
        .replaceWithVoid();
  }

  // Sessions and biography

  public Uni<Void> insertSession(
      SqlClient sql,
      UUID id,
      UUID caseId,
      OffsetDateTime heldAt,
      String format,
      int minutes,
      List<String> topics,
      byte[] note,
      String by) {
    return sql.preparedQuery(
            "insert into case_session (id, case_id, held_at, format, duration_minutes, topics,"
                + " note, recorded_by) values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    id,
                    caseId,
                    heldAt,
                    format,
                    minutes,
                    topics.toArray(String[]::new),
                    Sql.bytes(note),
                    by)))
        .replaceWithVoid();
  }

  public Uni<List<SessionRow>> sessions(SqlClient sql, UUID caseId) {
    return sql.preparedQuery(
            "select id, held_at, format, duration_minutes, topics, note, recorded_by"
                + " from case_session where case_id = $1 order by held_at, id")
        .execute(Tuple.of(caseId))
        .map(
            Sql.all(
                r ->
                    new SessionRow(
                        r.getUUID("id"),
                        utc(r.getOffsetDateTime("held_at")),
                        r.getString("format"),
                        r.getInteger("duration_minutes"),
                        Sql.strings(r, "topics"),
                        Sql.bytes(r, "note"),
                        r.getString("recorded_by"))));
  }

  public Uni<Void> insertBiography(
      SqlClient sql, UUID id, UUID caseId, String kind, LocalDate on, byte[] content, String by) {
    return sql.preparedQuery(
            "insert into biography_entry (id, case_id, kind, occurred_on, content, recorded_by)"
                + " values ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.tuple(Arrays.asList(id, caseId, kind, on, Sql.bytes(content), by)))
        .replaceWithVoid();
  }

  public Uni<List<BiographyRow>> biography(SqlClient sql, UUID caseId) {
    return sql.preparedQuery(
            "select id, kind, occurred_on, content, recorded_by, recorded_at"
                + " from biography_entry where case_id = $1 order by occurred_on, recorded_at, id")
        .execute(Tuple.of(caseId))
        .map(
            Sql.all(
                r ->
                    new BiographyRow(
                        r.getUUID("id"),
                        r.getString("kind"),
                        r.getLocalDate("occurred_on"),
                        Sql.bytes(r, "content"),
                        r.getString("recorded_by"),
                        utc(r.getOffsetDateTime("recorded_at")))));
  }

  // Referrals

  private static final String REFERRAL_COLUMNS =
      "id, case_id, target_kind, offer_id, institution, status, shared, proposed_at,"
          + " accepted_at, started_at, completed_at, declined_at, offer_unavailable";

  public Uni<Void> insertReferral(
      SqlClient sql,
      UUID id,
      UUID caseId,
      String targetKind,
      UUID offerId,
      String institution,
      byte[] shared) {
    return sql.preparedQuery(
            "insert into referral (id, case_id, target_kind, offer_id, institution, status,"
                + " shared) values ($1, $2, $3, $4, $5, 'PROPOSED', $6)")
        .execute(
            Tuple.tuple(
                Arrays.asList(id, caseId, targetKind, offerId, institution, Sql.bytes(shared))))
        .replaceWithVoid();
  }

  public Uni<List<ReferralRow>> referrals(SqlClient sql, UUID caseId) {
    return sql.preparedQuery(
            "select "
                + REFERRAL_COLUMNS
                + " from referral where case_id = $1 order by proposed_at, id")
        .execute(Tuple.of(caseId))
        .map(Sql.all(CaseRepository::toReferral));
  }

  public Uni<Optional<ReferralRow>> referral(SqlClient sql, UUID id, boolean forUpdate) {
    return sql.preparedQuery(
            "select "
                + REFERRAL_COLUMNS
                + " from referral where id = $1"
                + (forUpdate ? " for update" : ""))
        .execute(Tuple.of(id))
        .map(Sql.first(CaseRepository::toReferral));
  }

  /** Moves the referral to the status and stamps the status's date. */
  public Uni<Void> referralStatus(SqlClient sql, UUID id, String status) {
    String column =
        switch (status) {
          case "ACCEPTED" -> "accepted_at";
          case "STARTED" -> "started_at";
          case "COMPLETED" -> "completed_at";
          case "DECLINED" -> "declined_at";
          default -> throw new IllegalArgumentException(status);
        };
    return sql.preparedQuery(
            "update referral set status = $2, " + column + " = now() where id = $1")
        .execute(Tuple.of(id, status))
        .replaceWithVoid();
  }

  /** The status of a known catalogue offer, if the read model has it. */
  public Uni<Optional<String>> offerStatus(SqlClient sql, UUID offerId) {
    return sql.preparedQuery("select status from offer_ref where offer_id = $1")
        .execute(Tuple.of(offerId))
        .map(Sql.first(r -> r.getString("status")));
  }

  static CaseRef toRef(Row r) {
    return new CaseRef(
        r.getUUID("id"),
        r.getUUID("person_id"),
        r.getUUID("centre_id"),
        r.getString("counsellor"),
        Transition.valueOf(r.getString("transition")),
        r.getString("stage"),
        CaseStatus.valueOf(r.getString("status")),
        r.getString("outcome"),
        r.getString("district"),
        r.getString("age_band"),
        utc(r.getOffsetDateTime("opened_at")),
        utc(r.getOffsetDateTime("closed_at")));
  }

  static ConsentView toConsent(Row r) {
    return new ConsentView(
        r.getUUID("id"),
        r.getString("purpose"),
        r.getString("legal_basis"),
        Sql.strings(r, "shared_fields"),
        utc(r.getOffsetDateTime("granted_at")),
        r.getString("granted_by"),
        utc(r.getOffsetDateTime("withdrawn_at")),
        r.getString("withdrawn_by"));
  }

  static ReferralRow toReferral(Row r) {
    return new ReferralRow(
        r.getUUID("id"),
        r.getUUID("case_id"),
        r.getString("target_kind"),
        r.getUUID("offer_id"),
        r.getString("institution"),
        r.getString("status"),
        Sql.bytes(r, "shared"),
        utc(r.getOffsetDateTime("proposed_at")),
        utc(r.getOffsetDateTime("accepted_at")),
        utc(r.getOffsetDateTime("started_at")),
        utc(r.getOffsetDateTime("completed_at")),
        utc(r.getOffsetDateTime("declined_at")),
        r.getString("offer_unavailable"));
  }

  public static OffsetDateTime utc(OffsetDateTime t) {
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
