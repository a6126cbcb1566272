package org.lernstadt.counseling.casework.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lernstadt.counseling.casework.mapping.BiographyView;
import org.lernstadt.counseling.casework.mapping.CaseView;
import org.lernstadt.counseling.casework.mapping.ReferralView;
import org.lernstadt.counseling.casework.mapping.SessionView;
import org.lernstadt.counseling.casework.repository.CaseRepository;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Sql;
import org.lernstadt.counseling.privacy.Audit;
import org.lernstadt.counseling.privacy.AuditQuery;
import org.lernstadt.counseling.privacy.AuditView;
import org.lernstadt.counseling.privacy.PersonKey;
import org.lernstadt.counseling.privacy.PersonKeys;
import org.lernstadt.platform.web.ProblemException;

/**
 * Everything held about the person of a case (GDPR Art. 15 and 20), machine-readable: every case of
 * the person with its person data, notes, consents, sessions, biography, referrals, the lead
 * overrides and the access log. Run by the DPO for the data subject; audited per case.
 */
@ApplicationScoped
public class ExportService {

  /** A lead's decision to process without consent, with its reason. */
  public record OverrideView(
      String purpose, String action, String reason, String actor, OffsetDateTime at) {}

  public record CaseExport(
      CaseView caseData,
      List<SessionView> sessions,
      List<BiographyView> biography,
      List<ReferralView> referrals,
      List<OverrideView> consentOverrides) {}

  public record PersonExport(
      OffsetDateTime exportedAt,
      UUID personId,
      PersonData person,
      List<CaseExport> cases,
      List<AuditView> accessLog) {}

  @Inject CaseRepository cases;
  @Inject CaseService caseService;
  @Inject CaseRecordService records;
  @Inject PersonKeys keys;
  @Inject Audit audit;
  @Inject AuditQuery auditQuery;

  public Uni<PersonExport> export(UUID caseId, String purpose, Caller caller) {
    return cases
        .pool()
        .withTransaction(
            conn ->
                cases
                    .ref(conn, caseId, false)
                    .map(
                        found ->
                            found
                                .filter(
                                    r ->
                                        r.status()
                                            != org.lernstadt.counseling.casework.domain.CaseStatus
                                                .ERASED)
                                .orElseThrow(() -> ProblemException.notFound("Case " + caseId)))
                    .chain(
                        ref ->
                            keys.load(conn, ref.personId())
                                .map(
                                    k ->
                                        k.orElseThrow(
                                            () -> ProblemException.notFound("Case " + caseId)))
                                .chain(key -> exportPerson(conn, key, purpose, caller))));
  }

  private Uni<PersonExport> exportPerson(
      SqlConnection conn, PersonKey key, String purpose, Caller caller) {
    return conn.preparedQuery(
            "select id, centre_id from counselling_case where person_id = $1"
                + " and status <> 'ERASED' order by opened_at, id")
        .execute(Tuple.of(key.personId()))
        .chain(
            rows -> {
              List<UUID> ids = new ArrayList<>();
              List<Audit.Entry> entries = new ArrayList<>();
              rows.forEach(
                  r -> {
                    ids.add(r.getUUID("id"));
                    entries.add(
                        new Audit.Entry(
                            r.getUUID("id"),
                            key.personId(),
                            r.getUUID("centre_id"),
                            "EXPORT",
                            "DATA_SUBJECT_REQUEST",
                            Audit.ALLOWED,
                            purpose));
                  });
              List<CaseExport> list = new ArrayList<>();
              Uni<Void> exports = Uni.createFrom().voidItem();
              for (UUID id : ids) {
                exports =
                    exports
                        .chain(() -> caseExport(conn, id, key).invoke(list::add))
                        .replaceWithVoid();
              }
              Uni<Void> all = exports;
              return audit
                  .recordAll(conn, caller, entries)
                  .chain(() -> all)
                  .chain(
                      () ->
                          auditQuery
                              .ofCases(conn, ids)
                              .map(
                                  log ->
                                      new PersonExport(
                                          OffsetDateTime.now(ZoneOffset.UTC),
                                          key.personId(),
                                          list.isEmpty() ? null : list.get(0).caseData().person(),
                                          list,
                                          log)));
            });
  }

  private Uni<CaseExport> caseExport(SqlConnection conn, UUID caseId, PersonKey key) {
    return caseService
        .view(conn, caseId)
        .chain(
            view ->
                records
                    .sessionsOf(conn, caseId, key)
                    .chain(
                        sessions ->
                            records
                                .biographyOf(conn, caseId)
                                .chain(
                                    biography ->
                                        records
                                            .referralsOf(conn, caseId, key)
                                            .chain(
                                                referrals ->
                                                    overrides(conn, caseId)
                                                        .map(
                                                            o ->
                                                                new CaseExport(
                                                                    view, sessions, biography,
                                                                    referrals, o))))));
  }

  private Uni<List<OverrideView>> overrides(SqlConnection conn, UUID caseId) {
    return conn.preparedQuery(
            "select purpose, action, reason, actor, at from consent_override"
                + " where case_id = $1 order by at")
        .execute(Tuple.of(caseId))
        .map(
            Sql.all(
                r ->
                    new OverrideView(
                        r.getString("purpose"),
                        r.getString("action"),
                        r.getString("reason"),
                        r.getString("actor"),
                        r.getOffsetDateTime("at").withOffsetSameInstant(ZoneOffset.UTC))));
  }
}
