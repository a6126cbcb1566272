package org.lernstadt.counseling.casework.mapping;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A referral. {@code shared} is what the receiving institution gets to see: only the person fields
 * the referral consent names, nothing else of the case.
 */
public record ReferralView(
    UUID id,
    UUID caseId,
    String targetKind,
    UUID offerId,
    String institution,
    String status,
    OffsetDateTime proposedAt,
    OffsetDateTime acceptedAt,
    OffsetDateTime startedAt,
    OffsetDateTime completedAt,
    OffsetDateTime declinedAt,
    String offerUnavailable,
    Map<String, String> shared) {}
