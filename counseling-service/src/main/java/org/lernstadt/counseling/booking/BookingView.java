package org.lernstadt.counseling.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A booking. {@code cancellationCode} is present only in the answer that created an anonymous
 * booking: it is not stored and cannot be shown again.
 */
public record BookingView(
    UUID id,
    UUID slotId,
    UUID centreId,
    OffsetDateTime start,
    OffsetDateTime end,
    String format,
    String status,
    OffsetDateTime bookedAt,
    OffsetDateTime cancelledAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) String cancellationCode) {

  BookingView withCode(String code) {
    return new BookingView(
        id, slotId, centreId, start, end, format, status, bookedAt, cancelledAt, code);
  }
}
