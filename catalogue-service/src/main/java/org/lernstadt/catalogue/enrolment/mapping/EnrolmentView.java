package org.lernstadt.catalogue.enrolment.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A citizen's own enrolment as the API returns it to that citizen.
 *
 * @param position the place on the waiting list (1 = next to move up) while WAITLISTED, else null
 * @param enrolledAt when the citizen got a place (on enrolment or on moving up), else null
 */
public record EnrolmentView(
    UUID id,
    UUID offerId,
    String status,
    Integer position,
    OffsetDateTime requestedAt,
    OffsetDateTime enrolledAt,
    OffsetDateTime cancelledAt) {}
