package org.lernstadt.counseling.privacy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.lernstadt.counseling.common.Caller;

/**
 * Writes the audit of case data: who, in which role, which case, what, for which purpose, when.
 * Written on the connection of the access itself, so that a failed audit write fails the access.
 */
@ApplicationScoped
public class Audit {

  public static final String ALLOWED = "ALLOWED";
  public static final String DENIED = "DENIED";
  public static final String OVERRIDE = "OVERRIDE";

  private static final String INSERT =
      "insert into audit_entry (actor, role, case_id, person_id, centre_id, action, purpose,"
          + " outcome, detail) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

  /** One access to record. */
  public record Entry(
      UUID caseId,
      UUID personId,
      UUID centreId,
      String action,
      String purpose,
      String outcome,
      String detail) {}

  @Inject Pool pool;

  public Uni<Void> record(SqlClient sql, Caller caller, Entry entry) {
    return sql.preparedQuery(INSERT).execute(tuple(caller, entry)).replaceWithVoid();
  }

  public Uni<Void> recordAll(SqlClient sql, Caller caller, List<Entry> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return sql.preparedQuery(INSERT)
        .executeBatch(entries.stream().map(e -> tuple(caller, e)).toList())
        .replaceWithVoid();
  }

  /**
   * Records a refused access in a transaction of its own: the request fails, its transaction rolls
   * back, and the attempt must stay on record all the same.
   */
  public Uni<Void> recordDenied(Caller caller, Entry entry) {
    return pool.withTransaction(conn -> record(conn, caller, entry));
  }

  private static Tuple tuple(Caller caller, Entry e) {
    return Tuple.tuple(
        Arrays.asList(
            caller.subject() == null ? "anonymous" : caller.subject(),
            caller.auditRole(),
            e.caseId(),
            e.personId(),
            e.centreId(),
            e.action(),
            e.purpose(),
            e.outcome(),
            e.detail()));
  }
}
