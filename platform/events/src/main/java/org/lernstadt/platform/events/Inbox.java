package org.lernstadt.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers which events a consumer has applied. Insert-first: the row is written in the
 * transaction of the effect, so a redelivered event finds it and is skipped, and a rolled-back
 * effect leaves no row behind.
 */
@ApplicationScoped
public class Inbox {

  private static final String INSERT =
      "insert into inbox_message (consumer, event_id) values (:consumer, :eventId)"
          + " on conflict do nothing";

  /**
   * Records the event for the consumer; must run inside the transaction of the effect.
   *
   * @return {@code true} the first time, {@code false} for a duplicate
   */
  public Uni<Boolean> firstDelivery(String consumer, String eventId) {
    return Panache.currentTransaction()
        .onItem()
        .ifNull()
        .failWith(() -> new IllegalStateException("Inbox must be used inside a transaction"))
        .chain(Panache::getSession)
        .chain(
            session ->
                session
                    .createNativeQuery(INSERT)
                    .setParameter("consumer", consumer)
                    .setParameter("eventId", eventId)
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }
}
