package org.lernstadt.participation.meeting.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A citizen's registration; {@code position} is the place on the waiting list (1 = next to move
 * up), {@code null} unless waitlisted.
 */
public record RegistrationView(
    UUID id,
    UUID eventId,
    String status,
    Integer position,
    OffsetDateTime createdAt,
    OffsetDateTime cancelledAt) {}
