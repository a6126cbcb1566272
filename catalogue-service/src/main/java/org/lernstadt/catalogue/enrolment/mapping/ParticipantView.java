package org.lernstadt.catalogue.enrolment.mapping;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One participant of an offer as its provider sees it: the citizen's subject id only, since the
 * catalogue holds no names; the provider learns who it is from the citizen.
 *
 * @param position the place on the waiting list while WAITLISTED, else null
 */
public record ParticipantView(
    UUID enrolmentId,
    String subject,
    String status,
    Integer position,
    OffsetDateTime requestedAt,
    OffsetDateTime enrolledAt) {}
