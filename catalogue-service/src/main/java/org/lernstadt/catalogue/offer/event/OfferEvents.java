package org.lernstadt.catalogue.offer.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.catalogue.offer.mapping.OfferView;
import org.lernstadt.platform.events.OutgoingEvent;

/** The events of an offer on {@code catalogue.offers.v1}; each type has a JSON Schema. */
public final class OfferEvents {

  public static final String TOPIC = "catalogue.offers.v1";
  public static final String PUBLISHED = "org.lernstadt.catalogue.offer.published.v1";
  public static final String UPDATED = "org.lernstadt.catalogue.offer.updated.v1";
  public static final String WITHDRAWN = "org.lernstadt.catalogue.offer.withdrawn.v1";
  public static final String CANCELLED = "org.lernstadt.catalogue.offer.cancelled.v1";
  public static final String ARCHIVED = "org.lernstadt.catalogue.offer.archived.v1";

  private OfferEvents() {}

  /**
   * What the monitoring and the counselling read model need of an offer: where, for whom, about
   * what, when. No personal data is part of an offer.
   */
  public record OfferChanged(
      UUID offerId,
      UUID providerId,
      String externalId,
      String status,
      long version,
      List<String> topics,
      List<Integer> sdgs,
      List<String> targetGroups,
      List<String> lifePhases,
      List<String> districts,
      String modality,
      String costKind,
      boolean free,
      OffsetDateTime firstStart,
      OffsetDateTime lastEnd,
      int sessionCount,
      List<String> changedFields) {}

  public static OutgoingEvent of(String type, OfferView offer, List<String> changedFields) {
    OfferChanged body =
        new OfferChanged(
            offer.id(),
            offer.providerId(),
            offer.externalId(),
            offer.status(),
            offer.version(),
            offer.topics(),
            offer.sdgs(),
            offer.targetGroups(),
            offer.lifePhases(),
            offer.districts(),
            offer.modality(),
            offer.cost().kind(),
            "FREE".equals(offer.cost().kind()),
            offer.firstStart(),
            offer.lastEnd(),
            offer.sessions().size(),
            changedFields);
    return new OutgoingEvent(
        TOPIC, type, offer.id().toString(), offer.id().toString(), body, OffsetDateTime.now());
  }
}
