package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The public search through the real PostgreSQL. Each offer carries a word made for this test
 * class, so that offers of other tests in the same database do not count.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class OfferSearchTest {

  private static final String WORD = PartnerOfferTest.word("lernwort");
  private static String pottery;
  private static String coding;
  private static String draft;

  // Not @BeforeAll: the HTTP port of the application under test is known per test only.
  @BeforeEach
  void offers() throws Exception {
    if (pottery != null) {
      return;
    }
    PartnerOfferTest.providersAndADistrict();
    // In Mitte, free, parents, 1 March.
    pottery =
        PartnerOfferTest.put(
                "partner-vhs",
                "pottery-" + WORD,
                PartnerOfferTest.offer(
                    "Töpfern für Anfänger " + WORD,
                    "PUBLISHED",
                    PartnerOfferTest.session("2027-03-01T17:00:00+01:00", 52.05, 13.05)))
            .statusCode(201)
            .extract()
            .path("id");
    // 20 km east of Mitte, with a fee, seniors, 1 February.
    coding =
        PartnerOfferTest.put(
                "partner-library",
                "coding-" + WORD,
                PartnerOfferTest.offer(
                        "Programmierkurse für Senioren " + WORD,
                        "PUBLISHED",
                        PartnerOfferTest.session("2027-02-01T17:00:00+01:00", 52.05, 13.35))
                    .replace(
                        "\"lifePhases\": [\"PARENTS\", \"ADULTS\"]",
                        "\"lifePhases\": [\"SENIORS\"]")
                    .replace(
                        "\"cost\": {\"kind\": \"FREE\"}",
                        "\"cost\": {\"kind\": \"FEE\", \"feeCents\": 4500}")
                    .replace("\"PARENTING\"", "\"CULTURE\""))
            .statusCode(201)
            .extract()
            .path("id");
    draft =
        PartnerOfferTest.put(
                "partner-vhs",
                "draft-" + WORD,
                PartnerOfferTest.offer(
                    "Unveröffentlicht " + WORD,
                    "DRAFT",
                    PartnerOfferTest.session("2027-03-05T17:00:00+01:00", 52.05, 13.05)))
            .statusCode(201)
            .extract()
            .path("id");
  }

  private static JsonPath search(String query) {
    return given()
        .get("/v1/offers?q=" + WORD + (query.isEmpty() ? "" : "&" + query))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static JsonPath searchFor(String word, String query) {
    return given()
        .get("/v1/offers?q=" + word + "&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static List<String> textSearch(String q) {
    return given()
        .queryParam("q", q)
        .get("/v1/offers")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  private static List<String> ids(String query) {
    return search(query).getList("items.id");
  }

  @Test
  void fullTextFoldsUmlautsAndStems() {
    assertEquals(List.of(pottery), textSearch(WORD + " topfern"));
    assertEquals(List.of(pottery), textSearch(WORD + " Töpfern"));
    // "Programmierkurse" and "Programmierkursen" share their stem.
    assertEquals(List.of(coding), textSearch(WORD + " Programmierkursen"));
    assertEquals(List.of(), textSearch(WORD + " -senioren -töpfern"));
  }

  @Test
  void aTitleMatchRanksAboveDescriptionMatches() {
    String word = PartnerOfferTest.word("rangwort");
    String session = PartnerOfferTest.session("2027-04-01T17:00:00+01:00", 52.05, 13.05);
    // Pushed first, and with the word three times, so that neither the order of storing nor the
    // number of occurrences puts it first.
    String inDescription =
        PartnerOfferTest.put(
                "partner-vhs",
                "described-" + word,
                PartnerOfferTest.offer("Gesprächskreis", "PUBLISHED", session)
                    .replace(
                        "Ein Kurs für Eltern und Großeltern",
                        word + " für alle: " + word + " und noch einmal " + word))
            .statusCode(201)
            .extract()
            .path("id");
    String inTitle =
        PartnerOfferTest.put(
                "partner-vhs",
                "titled-" + word,
                PartnerOfferTest.offer("Abendkurs " + word, "PUBLISHED", session))
            .statusCode(201)
            .extract()
            .path("id");
    assertEquals(List.of(inTitle, inDescription), textSearch(word));
  }

  /**
   * Relevance: titles holding the words first, then the rest; soonest first within each, also
   * across pages, and a page reaches from the titles into the rest.
   */
  @Test
  void relevanceIsTitleFirstThenSoonestAcrossPages() {
    String word = PartnerOfferTest.word("folgewort");
    String later = PartnerOfferTest.session("2027-06-20T17:00:00+01:00", 52.05, 13.05);
    String sooner = PartnerOfferTest.session("2027-06-10T17:00:00+01:00", 52.05, 13.05);
    String titledLater = relevanceOffer("t-late-" + word, "Kurs " + word, later);
    String describedSooner =
        relevanceOffer("d-soon-" + word, "Gesprächskreis", sooner, word + " " + word);
    String titledSooner = relevanceOffer("t-soon-" + word, word + " am Abend", sooner);
    String describedLater = relevanceOffer("d-late-" + word, "Lesekreis", later, word);
    List<String> order = List.of(titledSooner, titledLater, describedSooner, describedLater);
    assertEquals(order, textSearch(word));

    List<String> paged = new java.util.ArrayList<>();
    String cursor = null;
    do {
      JsonPath page = searchFor(word, "limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      paged.addAll(page.getList("items.id"));
      cursor = page.getString("next");
    } while (cursor != null);
    assertEquals(order, paged);
    String afterTwo = searchFor(word, "limit=2").getString("next");
    assertEquals(
        List.of(describedSooner),
        searchFor(word, "limit=1&cursor=" + afterTwo).getList("items.id"));

    // A word the query excludes keeps an offer out even when only its description has it.
    String excluded = relevanceOffer("t-not-" + word, word + " im Park", sooner, "ohne Anmeldung");
    assertEquals(order, textSearch(word + " -anmeldung"));
    assertEquals(List.of(excluded), textSearch(word + " anmeldung"));
  }

  private static String relevanceOffer(String externalId, String title, String session) {
    return relevanceOffer(externalId, title, session, "Für alle");
  }

  private static String relevanceOffer(
      String externalId, String title, String session, String description) {
    return PartnerOfferTest.put(
            "partner-vhs",
            externalId,
            PartnerOfferTest.offer(title, "PUBLISHED", session)
                .replace("Ein Kurs für Eltern und Großeltern", description))
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void draftsAreNeitherFoundNorShown() {
    assertEquals(2, search("").getInt("total"));
    given().get("/v1/offers/" + draft).then().statusCode(404);
    given().get("/v1/offers/" + pottery).then().statusCode(200).body("id", equalTo(pottery));
  }

  @Test
  void eachFilterNarrowsTheResult() {
    assertEquals(List.of(pottery), ids("topic=PARENTING"));
    assertEquals(List.of(coding), ids("lifePhase=SENIORS"));
    assertEquals(List.of(pottery), ids("free=true"));
    assertEquals(List.of(coding), ids("free=false"));
    assertEquals(List.of(pottery), ids("district=mitte"));
    assertEquals(List.of(), ids("modality=ONLINE"));
    assertEquals(List.of(coding), ids("to=2027-02-15T00:00:00Z"));
  }

  @Test
  void radiusAndDistanceSort() {
    // Around Mitte with 5 km only the pottery course; with 30 km both, nearest first.
    assertEquals(List.of(pottery), ids("lat=52.05&lon=13.05&radiusKm=5"));
    JsonPath both = search("lat=52.05&lon=13.05&radiusKm=30&sort=distance");
    assertEquals(List.of(pottery, coding), both.getList("items.id"));
    assertEquals(0.0, both.getDouble("items[0].distanceKm"));
    // 0.3° of longitude at 52° N is about 20.5 km.
    assertEquals(20.5, both.getDouble("items[1].distanceKm"), 0.3);
  }

  @Test
  void aRadiusNeedsASessionInsideNotOnlyTheBoxAroundTheSessions() {
    String word = PartnerOfferTest.word("ortwort");
    // Sessions 20 km west and 20 km east of a point in the middle: their box holds the point.
    String west = PartnerOfferTest.session("2027-05-01T17:00:00+01:00", 52.05, 12.85).strip();
    String east = PartnerOfferTest.session("2027-05-02T17:00:00+01:00", 52.05, 13.45).strip();
    String apart = west.substring(0, west.length() - 1) + "," + east.substring(1);
    String id =
        PartnerOfferTest.put(
                "partner-vhs",
                "apart-" + word,
                PartnerOfferTest.offer("Wanderkurs " + word, "PUBLISHED", apart))
            .statusCode(201)
            .extract()
            .path("id");
    String around = "/v1/offers?q=" + word + "&radiusKm=5&lat=52.05&lon=";
    assertEquals(List.of(), given().get(around + "13.15").then().extract().path("items.id"));
    assertEquals(List.of(id), given().get(around + "13.45").then().extract().path("items.id"));
    assertEquals(List.of(id), given().get(around + "12.85").then().extract().path("items.id"));
  }

  @Test
  void facetsCountTheMatchingOffers() {
    JsonPath result = search("");
    assertEquals(1, result.getInt("facets.topic.PARENTING"));
    assertEquals(1, result.getInt("facets.topic.CULTURE"));
    assertEquals(2, result.getInt("facets.topic.DIGITAL_SKILLS"));
    assertEquals(1, result.getInt("facets.cost.FREE"));
    assertEquals(1, result.getInt("facets.district.mitte"));
    assertEquals(true, result.get("approximate"), "above the test profile's exact limit of one");
  }

  @Test
  void cursorPagesFollowTheDateOrder() {
    JsonPath first = search("sort=date&limit=1");
    assertEquals(List.of(coding), first.getList("items.id"));
    String next = first.getString("next");
    JsonPath second = search("sort=date&limit=1&cursor=" + next);
    assertEquals(List.of(pottery), second.getList("items.id"));
    assertNull(second.getString("next"));
  }

  @Test
  void offerAsSchemaOrgJsonLd() {
    given()
        .accept("application/ld+json")
        .get("/v1/offers/" + pottery)
        .then()
        .statusCode(200)
        .contentType("application/ld+json")
        .body("'@context'", equalTo("https://schema.org"))
        .body("'@type'", equalTo("Course"))
        .body("name", equalTo("Töpfern für Anfänger " + WORD))
        .body("isAccessibleForFree", equalTo(true))
        .body("hasCourseInstance", hasSize(1))
        .body("hasCourseInstance[0].'@type'", equalTo("CourseInstance"))
        .body("hasCourseInstance[0].courseMode", equalTo("onsite"))
        .body("hasCourseInstance[0].location.geo.latitude", equalTo(52.05f));
  }

  @Test
  void badSearchesAreRefusedNamingTheParameter() {
    given()
        .get("/v1/offers?radiusKm=5")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("radiusKm"));
    given()
        .get("/v1/offers?limit=101")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("limit"));
    given()
        .get("/v1/offers?lat=95&lon=13")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("lat"));
    given().get("/v1/offers?topic=ASTROLOGY").then().statusCode(404);
    given()
        .get(
            "/v1/offers?q="
                + WORD
                + "&sort=relevance&cursor="
                + search("sort=date&limit=1").getString("next"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("cursor"));
  }
}
