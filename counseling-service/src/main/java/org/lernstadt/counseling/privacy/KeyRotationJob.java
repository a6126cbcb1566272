package org.lernstadt.counseling.privacy;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * After a master key rotation, rewraps the person keys still wrapped with a retired master key,
 * batch by batch, until none is left (see {@link PersonKeys#rewrap}).
 */
@ApplicationScoped
public class KeyRotationJob {

  private static final int BATCH = 1000;

  @Inject PersonKeys keys;
  @Inject Pool pool;

  @Scheduled(
      every = "${lernstadt.counseling.key-rotation.every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public Uni<Void> scheduled() {
    return keys.rewrap(pool, BATCH)
        .chain(done -> done == BATCH ? scheduled() : Uni.createFrom().voidItem());
  }
}
