package org.lernstadt.catalogue.enrolment.domain;

import java.util.List;
import java.util.UUID;

/** What enrolment needs of an offer: its state, its capacity and the facets its events carry. */
public record EnrolableOffer(
    UUID id,
    UUID providerId,
    String externalId,
    String status,
    Integer capacity,
    List<String> districts,
    List<String> lifePhases) {

  /** Only a published offer with a capacity takes enrolments here. */
  public boolean takesEnrolments() {
    return "PUBLISHED".equals(status) && capacity != null;
  }
}
