package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One search over the platform, grouped by kind. A group that could not be searched is null and
 * named in {@code missing}.
 */
public record SearchResults(
    String q,
    Group offers,
    Group providers,
    Group learningPlaces,
    Group counsellingCentres,
    Group dialogues,
    List<Missing> missing) {

  /**
   * The first hits of one kind; {@code total} when the service counts them, {@code more} when there
   * are further hits to page through at the service's own route.
   */
  public record Group(List<JsonNode> items, Long total, boolean more) {}
}
