package org.lernstadt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.lernstadt.platform.testing.Tokens;

/**
 * A small district with something in every service, set up through the gateway's routes as the
 * city's staff and partners would: district, provider, learning place, offer, counselling centre
 * with a free slot, an open dialogue, an indicator with two years of values.
 */
final class Screens {

  /** What was set up; {@code word} is in the names of all of it, for the search. */
  record City(
      String code,
      String word,
      String offerId,
      String centreId,
      String dialogueId,
      String indicator,
      double lat,
      double lon) {}

  private Screens() {}

  static String serviceUrl(String service) {
    return ConfigProvider.getConfig()
        .getValue("lernstadt.gateway.services." + service + ".url", String.class);
  }

  static Map<String, Object> offer(String title, String start, double lat, double lon) {
    OffsetDateTime begin = OffsetDateTime.parse(start);
    Map<String, Object> offer = new LinkedHashMap<>();
    offer.put("title", title);
    offer.put("description", "Ein Kurs für Erwachsene");
    offer.put("topics", List.of("DIGITAL_SKILLS", "PARENTING"));
    offer.put("targetGroups", List.of("PARENTS"));
    offer.put("lifePhases", List.of("PARENTS", "ADULTS"));
    offer.put("languages", List.of("de"));
    offer.put("modality", "ON_SITE");
    offer.put("cost", Map.of("kind", "FREE"));
    offer.put("status", "PUBLISHED");
    offer.put(
        "sessions",
        List.of(
            Map.of(
                "start", begin.toString(),
                "end", begin.plusHours(2).toString(),
                "location", Map.of("lat", lat, "lon", lon))));
    return offer;
  }

  static City seed() {
    io.restassured.RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    String editor = Tokens.forUser("editor1");
    String admin = Tokens.forUser("admin1");
    String analyst = Tokens.forUser("analyst1");
    String word = "gw" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String code = "g" + word.substring(2, 8);
    ThreadLocalRandom random = ThreadLocalRandom.current();
    double lat = -40 + random.nextDouble() * 10;
    double lon = -140 + random.nextDouble() * 30;
    district(editor, code, "Bezirk " + word, lat, lon);

    String provider =
        as(editor)
            .body(
                Map.of(
                    "key",
                    word,
                    "name",
                    "Lernwerkstatt " + word,
                    "kind",
                    "CLUB",
                    "location",
                    Map.of("lat", lat, "lon", lon)))
            .post("/catalogue/v1/providers")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(editor)
        .body(
            Map.of(
                "providerId",
                provider,
                "name",
                "Lernort " + word,
                "kind",
                "INFORMAL",
                "category",
                "maker space",
                "location",
                Map.of("lat", lat, "lon", lon)))
        .post("/catalogue/v1/learning-places")
        .then()
        .statusCode(201);
    // The partner's offer: the VHS acts for its provider (registered once per test run).
    as(editor)
        .body(
            Map.of(
                "key", "vhs-demo",
                "name", "Volkshochschule Lernstadt",
                "kind", "ADULT_EDUCATION_CENTRE",
                "partnerClient", "partner-vhs"))
        .post("/catalogue/v1/providers");
    String start =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.HOURS).toString();
    String offerId =
        as(Tokens.forPartner("partner-vhs"))
            .body(offer("Kurs " + word, start, lat, lon))
            .put("/catalogue/v1/partner/offers/" + word)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    String centre = UUID.randomUUID().toString();
    as(admin)
        .body(
            Map.of(
                "name",
                "Bildungsberatung " + word,
                "district",
                code,
                "latitude",
                lat,
                "longitude",
                lon,
                "languages",
                List.of("de"),
                "topics",
                List.of("REENTRY_INTO_WORK")))
        .put("/counseling/v1/centres/" + centre)
        .then()
        .statusCode(200);
    as(admin)
        .body(Map.of("lead", false))
        .put("/counseling/v1/centres/" + centre + "/members/00000000-0000-4000-8000-000000000201")
        .then()
        .statusCode(204);
    OffsetDateTime slot =
        OffsetDateTime.now(ZoneOffset.UTC)
            .plusDays(3)
            .truncatedTo(ChronoUnit.HOURS)
            .plusMinutes(random.nextInt(1, 59));
    as(Tokens.forUser("counselor1"))
        .body(
            Map.of(
                "start", slot.toString(),
                "end", slot.plusMinutes(45).toString(),
                "format", "IN_PERSON"))
        .post("/counseling/v1/centres/" + centre + "/slots")
        .then()
        .statusCode(201);

    Map<String, Object> dialogue = new LinkedHashMap<>();
    dialogue.put("title", "Wo lernen Sie in " + word + "?");
    dialogue.put("description", "Where and how do you learn?");
    dialogue.put("questions", List.of("Where do you learn?"));
    dialogue.put("categories", List.of("library"));
    dialogue.put("districts", List.of(code));
    String dialogueId =
        as(editor)
            .body(dialogue)
            .post("/participation/v1/dialogues")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(editor)
        .body(Map.of("phase", "CONTRIBUTION"))
        .post("/participation/v1/dialogues/" + dialogueId + "/phase")
        .then()
        .statusCode(200);

    as(analyst)
        .body(Map.of("name", "Bezirk " + word, "level", "DISTRICT", "parent", "city"))
        .put("/monitoring/v1/areas/" + code)
        .then()
        .statusCode(anyOf(is(200), is(201)));
    String indicator = ("GW_" + word.substring(2)).toUpperCase();
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("name", "Weiterbildungsquote " + word);
    definition.put("description", "Share of adults in further education");
    definition.put("topicArea", "VOCATIONAL_ADULT");
    definition.put("unit", "%");
    definition.put("polarity", "HIGHER_IS_BETTER");
    definition.put("numerator", "participants");
    definition.put("denominator", "adults");
    definition.put("factor", 100);
    definition.put("periodType", "YEAR");
    definition.put("source", "IMPORT");
    definition.put("sourceName", "Weiterbildungsstatistik");
    definition.put("disaggregations", List.of());
    definition.put("minCellSize", 1);
    definition.put("decimals", 1);
    as(analyst)
        .body(definition)
        .put("/monitoring/v1/indicators/" + indicator)
        .then()
        .statusCode(anyOf(is(200), is(201)));
    given()
        .auth()
        .oauth2(analyst)
        .contentType("text/csv")
        .body(
            "indicator,area,period,dimension,category,numerator,denominator\n"
                + indicator
                + ","
                + code
                + ",2023,,,30,100\n"
                + indicator
                + ","
                + code
                + ",2024,,,36,100\n")
        .post("/monitoring/v1/imports")
        .then()
        .statusCode(200);
    return new City(code, word, offerId, centre, dialogueId, indicator, lat, lon);
  }

  /** A district next to the city's, with nothing in it; returns its code. */
  static String emptyDistrictNextTo(City city) {
    String code = "e" + city.code().substring(1);
    district(
        Tokens.forUser("editor1"),
        code,
        "Leerer Bezirk " + city.word(),
        city.lat(),
        city.lon() + 0.05);
    return code;
  }

  private static void district(String editor, String code, String name, double lat, double lon) {
    double half = 0.01;
    List<List<Double>> ring =
        List.of(
            List.of(lon - half, lat - half),
            List.of(lon + half, lat - half),
            List.of(lon + half, lat + half),
            List.of(lon - half, lat + half),
            List.of(lon - half, lat - half));
    as(editor)
        .body(
            Map.of(
                "name", name, "geometry", Map.of("type", "Polygon", "coordinates", List.of(ring))))
        .put("/catalogue/v1/districts/" + code)
        .then()
        .statusCode(201);
  }

  private static io.restassured.specification.RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }
}
