package org.lernstadt.catalogue.offer.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An offer as the API returns it. */
public record OfferView(
    UUID id,
    UUID providerId,
    String externalId,
    String title,
    String description,
    List<String> topics,
    List<Integer> sdgs,
    List<String> targetGroups,
    List<String> lifePhases,
    List<String> languages,
    String modality,
    Cost cost,
    List<String> accessibility,
    String registrationUrl,
    Integer capacity,
    String certificate,
    String status,
    long version,
    List<String> districts,
    OffsetDateTime firstStart,
    OffsetDateTime lastEnd,
    List<SessionView> sessions,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public record Cost(String kind, Integer feeCents, String reducedFeeTerms) {}

  public record SessionView(
      UUID id,
      OffsetDateTime start,
      OffsetDateTime end,
      UUID learningPlaceId,
      String address,
      Location location,
      String district,
      String onlineUrl) {}

  public record Location(double lat, double lon) {}
}
