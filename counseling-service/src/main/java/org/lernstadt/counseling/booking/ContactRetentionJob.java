package org.lernstadt.counseling.booking;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.Period;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The contact of an anonymous booking is kept only for the appointment and a short while after
 * (no-shows, follow-up: {@code lernstadt.counseling.booking.contact-retention}); then its
 * ciphertext and key are erased. A cancelled booking loses its contact at once.
 */
@ApplicationScoped
public class ContactRetentionJob {

  private static final int BATCH = 1000;

  @Inject BookingRepository bookings;

  @ConfigProperty(name = "lernstadt.counseling.booking.contact-retention")
  Period retention;

  @Scheduled(
      every = "${lernstadt.counseling.booking.contact-retention-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public Uni<Void> scheduled() {
    return eraseEndedBefore(OffsetDateTime.now().minus(retention)).replaceWithVoid();
  }

  /** Erases one batch of contacts of appointments that ended before the cutoff; how many. */
  public Uni<Integer> eraseEndedBefore(OffsetDateTime cutoff) {
    return bookings
        .pool()
        .withTransaction(conn -> bookings.eraseContactsEndedBefore(conn, cutoff, BATCH));
  }
}
