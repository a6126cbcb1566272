package org.lernstadt.counseling.centre;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An appointment slot; {@code free} is false once it is booked or overlaps a booking. */
public record SlotView(
    UUID id,
    UUID centreId,
    OffsetDateTime start,
    OffsetDateTime end,
    String format,
    boolean free) {}
