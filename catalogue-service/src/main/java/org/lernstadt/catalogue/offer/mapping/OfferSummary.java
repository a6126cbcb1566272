package org.lernstadt.catalogue.offer.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An offer in a search result: enough to list and map it, with a link to the whole offer. */
public record OfferSummary(
    UUID id,
    UUID providerId,
    String title,
    List<String> topics,
    List<String> lifePhases,
    List<String> targetGroups,
    String modality,
    String costKind,
    List<String> districts,
    OffsetDateTime firstStart,
    OffsetDateTime lastEnd,
    Double distanceKm,
    Location location) {

  /** The point of the offer's first located date, for a map. */
  public record Location(double lat, double lon) {}
}
