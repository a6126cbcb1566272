package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the portal's start page shows. A part that could not be had is null and named in {@code
 * missing}.
 */
public record Home(
    Counts counts,
    List<JsonNode> nextOffers,
    List<JsonNode> upcomingEvents,
    List<JsonNode> openDialogues,
    List<JsonNode> cityIndicators,
    List<Missing> missing) {

  /** Headline numbers; each null when its service did not answer. */
  public record Counts(
      Long upcomingOffers,
      Integer openDialogues,
      Integer counsellingCentres,
      Integer upcomingEvents) {}
}
