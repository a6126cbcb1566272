package org.lernstadt.counseling.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lernstadt.counseling.casework.event.CaseEvents;
import org.lernstadt.counseling.common.Caller;
import org.lernstadt.counseling.common.Sql;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.web.ProblemException;

/**
 * Erasure (GDPR Art. 17) and retention. Erasing a case deletes its sessions, biography entries,
 * referrals and consents and empties its sealed fields, keeping only the pseudonymous shell (ids,
 * transition, district, age band, dates) for the statistics; erasing a person also destroys the
 * person's key, so that every ciphertext of theirs, in backups too, stays unreadable. Each erased
 * case is audited and reported by a {@code case.erased} event.
 */
@ApplicationScoped
public class ErasureService {

  /** What an erasure did. */
  public record Erasure(UUID personId, List<UUID> erasedCases, boolean keyDestroyed) {}

  @Inject Pool pool;
  @Inject PersonKeys keys;
  @Inject Audit audit;
  @Inject Outbox outbox;

  /** Erases the person and all their cases, on the DPO's decision. */
  public Uni<Erasure> erasePerson(UUID personId, String reason, Caller caller) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery("select id from person where id = $1 for update")
                .execute(Tuple.of(personId))
                .invoke(
                    rows -> {
                      if (rows.size() == 0) {
                        throw ProblemException.notFound("Person " + personId);
                      }
                    })
                .chain(
                    () ->
                        conn.preparedQuery(
                                "select id, centre_id from counselling_case"
                                    + " where person_id = $1 and status <> 'ERASED' for update")
                            .execute(Tuple.of(personId)))
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
                                    personId,
                                    r.getUUID("centre_id"),
                                    "ERASURE",
                                    "DATA_SUBJECT_REQUEST",
                                    Audit.ALLOWED,
                                    reason));
                          });
                      if (ids.isEmpty()) {
                        entries.add(
                            new Audit.Entry(
                                null,
                                personId,
                                null,
                                "ERASURE",
                                "DATA_SUBJECT_REQUEST",
                                Audit.ALLOWED,
                                reason));
                      }
                      return eraseCases(conn, ids)
                          .chain(() -> keys.destroy(conn, personId))
                          .chain(() -> audit.recordAll(conn, caller, entries))
                          .chain(
                              () ->
                                  conn.preparedQuery(
                                          "select wrapped_key is null as gone from person"
                                              + " where id = $1")
                                      .execute(Tuple.of(personId)))
                          .map(
                              gone ->
                                  new Erasure(
                                      personId, ids, gone.iterator().next().getBoolean("gone")));
                    }));
  }

  /**
   * Erases the given cases (not yet erased) on the connection's transaction, with their events;
   * then destroys the key of each of their persons who has no case left that is not erased.
   */
  Uni<Void> eraseCases(SqlConnection conn, List<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    UUID[] ids = caseIds.toArray(UUID[]::new);
    List<OutgoingEvent> events = caseIds.stream().map(CaseEvents::erased).toList();
    return conn.preparedQuery("delete from case_session where case_id = any($1)")
        .execute(Tuple.of(ids))
        .chain(
            () ->
                conn.preparedQuery("delete from biography_entry where case_id = any($1)")
                    .execute(Tuple.of(ids)))
        .chain(
            () ->
                conn.preparedQuery("delete from referral where case_id = any($1)")
                    .execute(Tuple.of(ids)))
        .chain(
            () ->
                conn.preparedQuery("delete from consent where case_id = any($1)")
                    .execute(Tuple.of(ids)))
        .chain(
            () ->
                conn.preparedQuery(
                        "update counselling_case set status = 'ERASED', erased_at = now(),"
                            + " person_data = null, notes = null, updated_at = now()"
                            + " where id = any($1)")
                    .execute(Tuple.of(ids)))
        .chain(() -> outbox.appendAll(conn, events))
        .chain(
            () ->
                conn.preparedQuery(
                        "select distinct c.person_id from counselling_case c"
                            + " where c.id = any($1) and not exists (select 1 from"
                            + " counselling_case o where o.person_id = c.person_id"
                            + " and o.status <> 'ERASED')")
                    .execute(Tuple.of(ids)))
        .map(Sql.all(r -> r.getUUID("person_id")))
        .chain(
            persons -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (UUID person : persons) {
                chain = chain.chain(() -> keys.destroy(conn, person).replaceWithVoid());
              }
              return chain;
            });
  }
}
