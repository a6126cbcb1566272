package org.lernstadt.catalogue.offer.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lernstadt.platform.web.Cursor;

/** A validated search: what to match, how to sort, where to continue. */
public record OfferSearch(
    String text,
    List<String> topics,
    List<String> lifePhases,
    List<String> targetGroups,
    List<String> languages,
    List<String> accessibility,
    String modality,
    Boolean free,
    UUID provider,
    String district,
    Near near,
    OffsetDateTime from,
    OffsetDateTime to,
    Sort sort,
    Cursor after) {

  public enum Sort {
    RELEVANCE,
    DATE,
    DISTANCE
  }

  /** A point to measure distance from, and optionally a radius to stay within. */
  public record Near(double lat, double lon, Double radiusMeters) {}
}
