package org.lernstadt.counseling.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A booking row with what its rules and events need; the holder stays in the database. */
record Booked(
    UUID id,
    UUID slotId,
    UUID centreId,
    String district,
    OffsetDateTime start,
    OffsetDateTime end,
    String format,
    String status,
    String holder,
    byte[] cancelCodeHash,
    OffsetDateTime bookedAt,
    OffsetDateTime cancelledAt) {

  BookingView view() {
    return new BookingView(
        id, slotId, centreId, start, end, format, status, bookedAt, cancelledAt, null);
  }
}
