package org.lernstadt.catalogue.enrolment.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.enrolment.domain.EnrolableOffer;
import org.lernstadt.catalogue.enrolment.domain.Tally;
import org.lernstadt.platform.events.OutgoingEvent;

/**
 * The enrolment events of an offer on {@code catalogue.offers.v1}, keyed by the offer id so that
 * they stay in order with the offer's own events. They carry counts only: no subject id, no
 * enrolment id, nothing that points to a person. Each type has a JSON Schema.
 */
public final class EnrolmentEvents {

  public static final String TOPIC = "catalogue.offers.v1";

  /** A place was taken: a new enrolment, or the first on the waiting list moved up. */
  public static final String OPENED = "org.lernstadt.catalogue.enrolment.opened.v1";

  /** The group was full: a citizen joined the waiting list. */
  public static final String WAITLISTED = "org.lernstadt.catalogue.enrolment.waitlisted.v1";

  /** A citizen cancelled a place or left the waiting list. */
  public static final String CANCELLED = "org.lernstadt.catalogue.enrolment.cancelled.v1";

  private EnrolmentEvents() {}

  /**
   * The counts of an offer's group right after one change, with the facets of the offer the
   * monitoring groups them by.
   *
   * @param capacity the offer's capacity (the limit in force if the offer no longer states one)
   */
  public record EnrolmentCounts(
      UUID offerId,
      int capacity,
      int enrolled,
      int waitlisted,
      List<String> districts,
      List<String> lifePhases) {}

  public static OutgoingEvent of(String type, EnrolableOffer offer, Tally tally) {
    EnrolmentCounts body =
        new EnrolmentCounts(
            offer.id(),
            offer.capacity() != null ? offer.capacity() : tally.capacity(),
            tally.enrolled(),
            tally.waitlisted(),
            offer.districts(),
            offer.lifePhases());
    String key = offer.id().toString();
    return new OutgoingEvent(TOPIC, type, key, key, body, OffsetDateTime.now());
  }
}
