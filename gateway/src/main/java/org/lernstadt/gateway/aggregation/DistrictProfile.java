package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a district's page shows, from four services. A part that could not be had is null and named
 * in {@code missing}.
 */
public record DistrictProfile(
    String code,
    String name,
    Offers offers,
    List<JsonNode> learningPlaces,
    List<CentreNearby> counselling,
    List<JsonNode> openDialogues,
    List<JsonNode> indicators,
    List<Missing> missing) {

  /** Upcoming offers in the district: how many, the next ones by date, and counts by topic. */
  public record Offers(long upcoming, boolean approximate, List<JsonNode> next, JsonNode byTopic) {}

  /**
   * A counselling centre in the district (or the nearest ones when it has none), with its next free
   * appointment in the coming two weeks (null when none is free or unknown).
   */
  public record CentreNearby(JsonNode centre, boolean inDistrict, JsonNode nextFreeSlot) {}
}
