package org.lernstadt.counseling.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.counseling.common.Caller;

/**
 * Erases cases closed longer than the retention period ({@code
 * lernstadt.counseling.retention.period}), in batches, each batch one transaction with its audit
 * and events.
 */
@ApplicationScoped
public class RetentionJob {

  static final Caller SYSTEM = new Caller("system:retention", Set.of("system"));
  private static final int BATCH = 500;

  @Inject Pool pool;
  @Inject ErasureService erasure;
  @Inject Audit audit;

  @ConfigProperty(name = "lernstadt.counseling.retention.period")
  Period period;

  @Scheduled(
      every = "${lernstadt.counseling.retention.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public Uni<Void> scheduled() {
    return eraseClosedBefore(OffsetDateTime.now().minus(period)).replaceWithVoid();
  }

  /** Erases one batch of the cases closed before the cutoff; returns their ids. */
  public Uni<List<UUID>> eraseClosedBefore(OffsetDateTime cutoff) {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "select id, person_id, centre_id from counselling_case"
                        + " where status = 'CLOSED' and closed_at < $1"
                        + " order by closed_at limit $2 for update skip locked")
                .execute(Tuple.of(cutoff, BATCH))
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
                                    r.getUUID("person_id"),
                                    r.getUUID("centre_id"),
                                    "ERASURE",
                                    "RETENTION",
                                    Audit.ALLOWED,
                                    "closed before " + cutoff));
                          });
                      return erasure
                          .eraseCases(conn, ids)
                          .chain(() -> audit.recordAll(conn, SYSTEM, entries))
                          .replaceWith(ids);
                    }));
  }
}
