package org.lernstadt.catalogue.enrolment.mapping;

import java.util.List;
import java.util.UUID;

/**
 * The active participants of one offer (enrolled first, then the waiting list in its order), one
 * cursor page of them, and the counts of the whole group.
 *
 * @param capacity the offer's capacity, null if it takes no enrolments (any more)
 */
public record ParticipantList(
    UUID offerId,
    String externalId,
    Integer capacity,
    int enrolled,
    int waitlisted,
    int cancelled,
    List<ParticipantView> items,
    String next) {}
