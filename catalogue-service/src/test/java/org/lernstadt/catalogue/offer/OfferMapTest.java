package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The search as GeoJSON through the real PostgreSQL. Each offer carries a word made for this test
 * class, so that offers of other tests in the same database do not count.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class OfferMapTest {

  private static final String WORD = PartnerOfferTest.word("kartenwort");

  /** Three offers close together in Mitte, one 20 km east, one in Munich. */
  private static String mitte;

  private static String nextDoor;
  private static String nextDoorButOne;
  private static String east;
  private static String munich;

  private static String put(String externalId, String title, String status, String sessions) {
    return PartnerOfferTest.put(
            "partner-vhs",
            externalId + "-" + WORD,
            PartnerOfferTest.offer(title + " " + WORD, status, sessions))
        .statusCode(201)
        .extract()
        .path("id");
  }

  // Not @BeforeAll: the HTTP port of the application under test is known per test only.
  @BeforeEach
  void offers() throws Exception {
    if (mitte != null) {
      return;
    }
    PartnerOfferTest.providersAndADistrict();
    mitte =
        put(
            "map-mitte",
            "Töpfern",
            "PUBLISHED",
            PartnerOfferTest.session("2027-03-01T17:00:00+01:00", 52.05, 13.05));
    nextDoor =
        put(
            "map-next",
            "Nähen",
            "PUBLISHED",
            PartnerOfferTest.session("2027-03-02T17:00:00+01:00", 52.0501, 13.0501));
    nextDoorButOne =
        put(
            "map-next2",
            "Stricken",
            "PUBLISHED",
            PartnerOfferTest.session("2027-03-03T17:00:00+01:00", 52.0502, 13.0502));
    east =
        PartnerOfferTest.put(
                "partner-library",
                "map-east-" + WORD,
                PartnerOfferTest.offer(
                        "Lesen " + WORD,
                        "PUBLISHED",
                        PartnerOfferTest.session("2027-02-01T17:00:00+01:00", 52.05, 13.35))
                    .replace("\"PARENTING\"", "\"CULTURE\"")
                    .replace(
                        "\"cost\": {\"kind\": \"FREE\"}",
                        "\"cost\": {\"kind\": \"FEE\", \"feeCents\": 1200}"))
            .statusCode(201)
            .extract()
            .path("id");
    munich =
        put(
            "map-munich",
            "Schreiben",
            "PUBLISHED",
            PartnerOfferTest.session("2027-04-01T17:00:00+02:00", 48.14, 11.58));
    // Neither a draft nor an offer without a located date is on the map.
    put(
        "map-draft",
        "Entwurf",
        "DRAFT",
        PartnerOfferTest.session("2027-03-05T17:00:00+01:00", 52.05, 13.05));
    PartnerOfferTest.put(
            "partner-vhs",
            "map-online-" + WORD,
            PartnerOfferTest.offer(
                    "Online " + WORD,
                    "PUBLISHED",
                    """
                    [{"start": "2027-03-06T17:00:00+01:00", "end": "2027-03-06T18:00:00+01:00",
                      "onlineUrl": "https://vhs.example/raum"}]
                    """)
                .replace("\"ON_SITE\"", "\"ONLINE\""))
        .statusCode(201);
  }

  private static JsonPath map(String query) {
    return given()
        .accept("application/geo+json")
        .get("/v1/offers/map?q=" + WORD + (query.isEmpty() ? "" : "&" + query))
        .then()
        .statusCode(200)
        .contentType("application/geo+json")
        .extract()
        .jsonPath();
  }

  @Test
  void everyLocatedOfferIsAPointFeature() {
    JsonPath map = map("");
    assertEquals("FeatureCollection", map.getString("type"));
    assertEquals(5, map.getInt("total"));
    assertEquals(0, map.getInt("omitted"));
    assertEquals(0, map.getInt("clustered"));
    // Soonest first; the draft and the online-only offer are absent.
    assertEquals(
        List.of(east, mitte, nextDoor, nextDoorButOne, munich), map.getList("features.id"));
    Map<String, Object> feature = map.getMap("features[1]");
    assertEquals("Feature", feature.get("type"));
    assertEquals("Point", map.getString("features[1].geometry.type"));
    // [longitude, latitude]
    assertEquals(
        List.of(13.05, 52.05), map.getList("features[1].geometry.coordinates", Double.class));
    assertEquals(mitte, map.getString("features[1].properties.id"));
    assertEquals("Töpfern " + WORD, map.getString("features[1].properties.title"));
    assertEquals(
        List.of("DIGITAL_SKILLS", "PARENTING"), map.getList("features[1].properties.topics"));
    assertEquals("ON_SITE", map.getString("features[1].properties.modality"));
    assertEquals("FREE", map.getString("features[1].properties.costKind"));
    assertEquals("FEE", map.getString("features[0].properties.costKind"));
    assertEquals("2027-03-01T16:00:00Z", map.getString("features[1].properties.firstStart"));
  }

  @Test
  void theSearchFiltersApply() {
    JsonPath culture = map("topic=CULTURE");
    assertEquals(List.of(east), culture.getList("features.id"));
    assertEquals(1, culture.getInt("total"));
    assertEquals(
        List.of(mitte, nextDoor, nextDoorButOne), map("district=mitte").getList("features.id"));
    assertEquals(List.of(east), map("lat=52.05&lon=13.35&radiusKm=5").getList("features.id"));
    assertEquals(List.of(), map("modality=ONLINE").getList("features"));
  }

  @Test
  void plainJsonIsServedToo() {
    given()
        .accept("application/json")
        .get("/v1/offers/map?q=" + WORD)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("type", equalTo("FeatureCollection"))
        .body("total", equalTo(5));
    // Without an Accept header the map is GeoJSON.
    given()
        .get("/v1/offers/map?q=" + WORD)
        .then()
        .statusCode(200)
        .contentType("application/geo+json");
  }

  @Test
  void withoutClusteringTheSoonestOffersAreShownAndTheRestCounted() {
    JsonPath capped = map("limit=2&cluster=false");
    assertEquals(List.of(east, mitte), capped.getList("features.id"));
    assertEquals(5, capped.getInt("total"));
    assertEquals(3, capped.getInt("omitted"));
    assertEquals(0, capped.getInt("clustered"));
  }

  @Test
  void beyondTheLimitNearbyOffersAreClustered() {
    // Zoom 10: cells of 90° / 2^10, about 6 km; the three offers in Mitte share one.
    JsonPath clustered = map("limit=3&zoom=10");
    assertEquals(5, clustered.getInt("total"));
    assertEquals(0, clustered.getInt("omitted"));
    assertEquals(3, clustered.getInt("clustered"));
    assertEquals(3, clustered.getList("features").size());
    assertEquals(true, clustered.getBoolean("features[0].properties.cluster"));
    assertEquals(3, clustered.getInt("features[0].properties.count"));
    assertNull(clustered.getString("features[0].id"));
    List<Double> centre = clustered.getList("features[0].geometry.coordinates", Double.class);
    assertEquals(13.0501, centre.get(0), 1e-6);
    assertEquals(52.0501, centre.get(1), 1e-6);
    // Single offers in their cells stay offers.
    assertEquals(List.of(munich, east), clustered.getList("features.properties.id").subList(1, 3));

    // Two cells only: the fullest first, the rest counted as omitted.
    JsonPath fewer = map("limit=2&zoom=10");
    assertEquals(2, fewer.getList("features").size());
    assertEquals(3, fewer.getInt("features[0].properties.count"));
    assertEquals(1, fewer.getInt("omitted"));
    assertEquals(5, fewer.getInt("total"));

    // Without zoom or box, the cells follow the extent of the offers; nothing is lost.
    JsonPath extent = map("limit=3");
    assertTrue(extent.getList("features").size() <= 3);
    long shown =
        extent.getList("features.properties", Map.class).stream()
            .mapToLong(p -> p.containsKey("count") ? ((Number) p.get("count")).longValue() : 1)
            .sum();
    assertEquals(5, shown + extent.getInt("omitted"));
    assertEquals(0, extent.getInt("omitted"));
  }

  @Test
  void aBoundingBoxKeepsTheMapToItsArea() {
    JsonPath inMitte = map("bbox=13.0,52.0,13.1,52.1");
    assertEquals(List.of(mitte, nextDoor, nextDoorButOne), inMitte.getList("features.id"));
    assertEquals(3, inMitte.getInt("total"));
    // A box with more offers than the limit clusters within the box.
    JsonPath clustered = map("bbox=13.0,52.0,13.5,52.1&limit=2");
    assertEquals(4, clustered.getInt("total"));
    assertTrue(clustered.getList("features").size() <= 2);
    // Across the antimeridian: west edge 170°, east edge -170°; nothing of ours is there.
    assertEquals(0, map("bbox=170,-10,-170,10").getInt("total"));
  }

  @Test
  void badParametersAreRefusedNamingThem() {
    for (String bbox :
        List.of(
            "13,52,13.1", "13,52,13.1,abc", "13,52.1,13.1,52", "190,52,13.1,52.1", "1,2,3,4,5")) {
      given()
          .queryParam("bbox", bbox)
          .get("/v1/offers/map")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", hasItem("bbox"));
    }
    given()
        .get("/v1/offers/map?zoom=23")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("zoom"));
    given()
        .get("/v1/offers/map?limit=2001")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
    given()
        .get("/v1/offers/map?radiusKm=5")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("radiusKm"));
  }
}
