package org.lernstadt.counseling.casework.mapping;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A referral as the receiving institution sees it: the offer, the status and dates, and the person
 * fields the referral consent lets it see while that consent is valid; nothing else of the case
 * (not even its id).
 */
public record ReceivedReferralView(
    UUID id,
    UUID offerId,
    String status,
    OffsetDateTime proposedAt,
    OffsetDateTime acceptedAt,
    OffsetDateTime startedAt,
    OffsetDateTime completedAt,
    OffsetDateTime declinedAt,
    Map<String, String> shared) {}
