package org.lernstadt.gateway.aggregation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.lernstadt.gateway.GatewayConfig;
import org.lernstadt.platform.web.ProblemException;

/** Gathers a district's profile from the catalogue, counselling, participation and monitoring. */
@ApplicationScoped
public class DistrictProfileService {

  /** Dialogue phases in which citizens can still take part. */
  static final Set<String> OPEN_PHASES = Set.of("CONTRIBUTION", "RATING");

  private static final int NEXT_OFFERS = 5;
  private static final int CENTRES = 3;

  private final ServiceCalls calls;
  private final GatewayConfig config;

  DistrictProfileService(ServiceCalls calls, GatewayConfig config) {
    this.calls = calls;
    this.config = config;
  }

  public Uni<DistrictProfile> profile(String code, String authorization) {
    Gathering parts = new Gathering(config.aggregation().budget());
    String district = ServiceCalls.encode(code);
    Uni<Optional<JsonNode>> districtOf =
        parts.part(
            "district",
            "catalogue",
            calls.read("catalogue", "/v1/districts/" + district, authorization));
    Uni<Optional<JsonNode>> offers =
        parts.part(
            "offers",
            "catalogue",
            calls.read(
                "catalogue",
                "/v1/offers?district=" + district + "&sort=date&limit=" + NEXT_OFFERS,
                authorization));
    Uni<Optional<JsonNode>> places =
        parts.part(
            "learningPlaces",
            "catalogue",
            calls.read(
                "catalogue",
                "/v1/learning-places?district=" + district + "&limit=50",
                authorization));
    Uni<Optional<JsonNode>> centres =
        parts.part(
            "counselling", "counseling", calls.read("counseling", "/v1/centres", authorization));
    Uni<Optional<JsonNode>> dialogues =
        parts.part(
            "openDialogues",
            "participation",
            calls.read(
                "participation",
                "/v1/dialogues?district=" + district + "&limit=100",
                authorization));
    Uni<Optional<JsonNode>> indicators =
        parts.part(
            "indicators",
            "monitoring",
            calls.read("monitoring", "/v1/areas/" + district + "/indicators", authorization));
    Uni<List<DistrictProfile.CentreNearby>> counselling =
        Uni.combine()
            .all()
            .unis(districtOf, centres)
            .asTuple()
            .chain(both -> nearby(code, both.getItem1(), both.getItem2(), parts, authorization));
    return Uni.combine()
        .all()
        .unis(districtOf, offers, places, counselling, dialogues, indicators)
        .asTuple()
        .map(
            all -> {
              if (parts.missing().contains(new Missing("district", "catalogue", "refused 404"))) {
                throw new ProblemException(404, "Not Found", "No district with this code.");
              }
              return new DistrictProfile(
                  code,
                  all.getItem1()
                      .map(d -> d.path("properties").path("name").asText(null))
                      .orElse(null),
                  all.getItem2().map(DistrictProfileService::offers).orElse(null),
                  all.getItem3().map(page -> items(page.path("items"))).orElse(null),
                  all.getItem4(),
                  all.getItem5().map(page -> openDialogues(page.path("items"))).orElse(null),
                  all.getItem6().map(summary -> items(summary.path("indicators"))).orElse(null),
                  parts.missing());
            });
  }

  static DistrictProfile.Offers offers(JsonNode result) {
    return new DistrictProfile.Offers(
        result.path("total").asLong(),
        result.path("approximate").asBoolean(false),
        items(result.path("items")),
        result.path("facets").path("topic"));
  }

  static List<JsonNode> openDialogues(JsonNode dialogues) {
    return StreamSupport.stream(dialogues.spliterator(), false)
        .filter(d -> OPEN_PHASES.contains(d.path("phase").asText()))
        .toList();
  }

  static List<JsonNode> items(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  /**
   * The centres in the district, or the nearest ones to its middle when it has none, each with its
   * next free slot (asked of the counselling service in parallel).
   */
  private Uni<List<DistrictProfile.CentreNearby>> nearby(
      String code,
      Optional<JsonNode> district,
      Optional<JsonNode> centres,
      Gathering parts,
      String authorization) {
    if (centres.isEmpty()) {
      return Uni.createFrom().nullItem();
    }
    List<JsonNode> all = items(centres.get());
    List<JsonNode> inDistrict =
        all.stream().filter(c -> code.equals(c.path("district").asText(null))).toList();
    List<JsonNode> chosen;
    if (!inDistrict.isEmpty()) {
      chosen = inDistrict.stream().limit(CENTRES).toList();
    } else {
      double[] middle = district.map(DistrictProfileService::middle).orElse(null);
      if (middle == null) {
        return Uni.createFrom().item(List.of());
      }
      chosen =
          all.stream()
              .filter(c -> c.hasNonNull("latitude") && c.hasNonNull("longitude"))
              .sorted(
                  Comparator.comparingDouble(
                      c ->
                          squaredDistance(
                              middle,
                              c.path("latitude").asDouble(),
                              c.path("longitude").asDouble())))
              .limit(CENTRES)
              .toList();
    }
    if (chosen.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Instant now = Instant.now();
    String window =
        "?from="
            + ServiceCalls.encode(now.toString())
            + "&to="
            + ServiceCalls.encode(now.plus(14, ChronoUnit.DAYS).toString());
    List<Uni<DistrictProfile.CentreNearby>> withSlots =
        chosen.stream()
            .map(
                centre ->
                    parts
                        .part(
                            "counselling.slots",
                            "counseling",
                            calls.read(
                                "counseling",
                                "/v1/centres/" + centre.path("id").asText() + "/slots" + window,
                                authorization))
                        .map(
                            slots ->
                                new DistrictProfile.CentreNearby(
                                    centre,
                                    !inDistrict.isEmpty(),
                                    slots.flatMap(DistrictProfileService::firstFree).orElse(null))))
            .toList();
    return Uni.join().all(withSlots).andFailFast();
  }

  private static Optional<JsonNode> firstFree(JsonNode slots) {
    return StreamSupport.stream(slots.spliterator(), false)
        .filter(slot -> slot.path("free").asBoolean(false))
        .min(Comparator.comparing(slot -> slot.path("start").asText()));
  }

  /** The mean of a GeoJSON polygon's outer ring(s): good enough to rank nearby centres. */
  static double[] middle(JsonNode district) {
    JsonNode geometry = district.path("geometry");
    JsonNode polygons =
        "MultiPolygon".equals(geometry.path("type").asText()) ? geometry.path("coordinates") : null;
    List<JsonNode> rings = new ArrayList<>();
    if (polygons != null) {
      polygons.forEach(polygon -> rings.add(polygon.path(0)));
    } else if (geometry.path("coordinates").isArray()) {
      rings.add(geometry.path("coordinates").path(0));
    }
    double lat = 0;
    double lon = 0;
    int n = 0;
    for (JsonNode ring : rings) {
      for (JsonNode point : ring) {
        lon += point.path(0).asDouble();
        lat += point.path(1).asDouble();
        n++;
      }
    }
    return n == 0 ? null : new double[] {lat / n, lon / n};
  }

  private static double squaredDistance(double[] middle, double lat, double lon) {
    double dLat = lat - middle[0];
    double dLon = (lon - middle[1]) * Math.cos(Math.toRadians(middle[0]));
    return dLat * dLat + dLon * dLon;
  }
}
