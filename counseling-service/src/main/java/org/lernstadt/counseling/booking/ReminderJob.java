package org.lernstadt.counseling.booking;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lernstadt.platform.events.Outbox;

/**
 * Reminders are events: a booking starting within the reminder lead time gets one {@code
 * reminder-due} event (the notification service sends the message), marked in the same transaction
 * so that it is never due twice.
 */
@ApplicationScoped
public class ReminderJob {

  private static final int BATCH = 500;

  @Inject BookingRepository bookings;
  @Inject Outbox outbox;

  @ConfigProperty(name = "lernstadt.counseling.booking.reminder-before")
  Duration reminderBefore;

  @Scheduled(
      every = "${lernstadt.counseling.booking.reminder-every}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  public Uni<Void> scheduled() {
    return run().replaceWithVoid();
  }

  /** Marks the due reminders and writes their events; returns how many. */
  public Uni<Integer> run() {
    return bookings
        .pool()
        .withTransaction(
            conn ->
                bookings
                    .takeDueReminders(conn, reminderBefore, BATCH)
                    .call(
                        due ->
                            outbox.appendAll(
                                conn, due.stream().map(BookingEvents::reminderDue).toList()))
                    .map(due -> due.size()));
  }
}
