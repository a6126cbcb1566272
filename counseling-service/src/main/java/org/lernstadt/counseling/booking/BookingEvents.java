package org.lernstadt.counseling.booking;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * Booking events on {@code counseling.bookings.v1}, keyed by the booking id. They carry the centre,
 * its district and times only: never who booked.
 */
public final class BookingEvents {

  public static final String TOPIC = "counseling.bookings.v1";
  public static final String MADE = "org.lernstadt.counseling.booking.made.v1";
  public static final String CANCELLED = "org.lernstadt.counseling.booking.cancelled.v1";
  public static final String REMINDER_DUE = "org.lernstadt.counseling.booking.reminder-due.v1";

  private BookingEvents() {}

  public record Made(
      UUID bookingId,
      UUID centreId,
      String district,
      String format,
      OffsetDateTime slotStart,
      OffsetDateTime bookedAt,
      OffsetDateTime occurredAt) {}

  public record Cancelled(
      UUID bookingId,
      UUID centreId,
      String district,
      OffsetDateTime slotStart,
      OffsetDateTime occurredAt) {}

  public record ReminderDue(
      UUID bookingId, UUID centreId, OffsetDateTime slotStart, OffsetDateTime occurredAt) {}

  static OutgoingEvent made(Booked b) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(
        MADE,
        b.id(),
        new Made(b.id(), b.centreId(), b.district(), b.format(), b.start(), b.bookedAt(), now),
        now);
  }

  static OutgoingEvent cancelled(Booked b) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(
        CANCELLED, b.id(), new Cancelled(b.id(), b.centreId(), b.district(), b.start(), now), now);
  }

  static OutgoingEvent reminderDue(Booked b) {
    OffsetDateTime now = OffsetDateTime.now();
    return event(REMINDER_DUE, b.id(), new ReminderDue(b.id(), b.centreId(), b.start(), now), now);
  }

  private static OutgoingEvent event(String type, UUID id, Object body, OffsetDateTime at) {
    return new OutgoingEvent(TOPIC, type, id.toString(), id.toString(), body, at);
  }
}
