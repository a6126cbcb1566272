package org.lernstadt.counseling.feedback;

import java.util.Map;
import java.util.UUID;

/**
 * The quality view of a centre for its counselling lead: aggregated feedback, referral outcomes,
 * case outcomes and waiting times to an appointment. Averages over fewer than {@code minimumGroup}
 * answers are left out, so that no single answer can be read back.
 */
public record QualityView(
    UUID centreId,
    Feedback feedback,
    Map<String, Long> referralsByStatus,
    long referralsWithOfferUnavailable,
    Map<String, Long> casesByStatus,
    Map<String, Long> closedCasesByOutcome,
    Waiting waitingTime) {

  public record Feedback(
      long answers,
      int minimumGroup,
      Double averageSatisfaction,
      Double averageHelpfulness,
      Double wouldRecommendShare) {}

  /** Time from booking to the appointment, over the centre's bookings. */
  public record Waiting(long bookings, Double medianHours, Double p90Hours) {}
}
