package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.event.OfferEvents;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.Topics;

/** The partner API through the real PostgreSQL, Kafka broker and Keycloak. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
public class PartnerOfferTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  public static void providersAndADistrict() throws Exception {
    // Registering providers and districts is the editors' API; here only the rows are needed.
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
        DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password())) {
      c.createStatement()
          .execute(
              "insert into provider (id, key, name, kind) values"
                  + " (gen_random_uuid(), 'vhs-demo', 'Volkshochschule', 'ADULT_EDUCATION_CENTRE'),"
                  + " (gen_random_uuid(), 'library-demo', 'Stadtbibliothek', 'LIBRARY')"
                  + " on conflict (key) do nothing");
      c.createStatement()
          .execute(
              "insert into district (code, name, boundary, geometry) values ('mitte', 'Mitte',"
                  + " polygon '((13.0,52.0),(13.1,52.0),(13.1,52.1),(13.0,52.1))',"
                  + " '{\"type\":\"Polygon\",\"coordinates\":[[[13.0,52.0],[13.1,52.0],"
                  + "[13.1,52.1],[13.0,52.1],[13.0,52.0]]]}')"
                  + " on conflict (code) do nothing");
    }
  }

  static String offer(String title, String status, String sessionsJson) {
    return """
        {"title": "%s", "description": "Ein Kurs für Eltern und Großeltern",
         "topics": ["DIGITAL_SKILLS", "PARENTING"], "sdgs": [4],
         "targetGroups": ["PARENTS"], "lifePhases": ["PARENTS", "ADULTS"],
         "languages": ["de"], "modality": "ON_SITE",
         "cost": {"kind": "FREE"}, "accessibility": ["STEP_FREE"],
         "registrationUrl": "https://vhs.example/anmeldung", "capacity": 10,
         "status": "%s", "sessions": %s}
        """
        .formatted(title, status, sessionsJson);
  }

  /**
   * A word made for one test class, put into its offers' titles, so that a search for it finds only
   * that class's offers in the shared database.
   */
  static String word(String prefix) {
    java.util.Random random = new java.util.Random();
    StringBuilder w = new StringBuilder(prefix);
    for (int i = 0; i < 8; i++) {
      w.append((char) ('a' + random.nextInt(26)));
    }
    return w.toString();
  }

  /** One two-hour date at a point, as the sessions JSON of an offer. */
  static String session(String start, double lat, double lon) {
    return """
        [{"start": "%s", "end": "%s", "location": {"lat": %s, "lon": %s}}]
        """
        .formatted(start, start.replace("T17", "T19"), lat, lon);
  }

  static final String ONE_SESSION_IN_MITTE =
      """
      [{"start": "2027-03-01T17:00:00+01:00", "end": "2027-03-01T19:00:00+01:00",
        "address": "Marktplatz 1", "location": {"lat": 52.05, "lon": 13.05}}]
      """;

  static ValidatableResponse put(String partner, String externalId, String body) {
    return given()
        .auth()
        .oauth2(Tokens.forPartner(partner))
        .contentType(ContentType.JSON)
        .body(body)
        .put("/v1/partner/offers/" + externalId)
        .then();
  }

  static ValidatableResponse get(String partner, String externalId) {
    return given()
        .auth()
        .oauth2(Tokens.forPartner(partner))
        .get("/v1/partner/offers/" + externalId)
        .then();
  }

  static List<String> typesFor(String offerId, String lastType) {
    Topics.awaitRecord(
        OfferEvents.TOPIC,
        r -> offerId.equals(r.key()) && lastType.equals(Topics.header(r, "ce_type")),
        WAIT);
    return Topics.readToEnd(OfferEvents.TOPIC, WAIT).stream()
        .filter(r -> offerId.equals(r.key()))
        .map(r -> Topics.header(r, "ce_type"))
        .toList();
  }

  /**
   * The answer to a push is made from what was written, not read back: it must be exactly what a
   * read returns, also for dates sent with offsets and nanoseconds, dates that start together and a
   * new version whose dates replaced the old ones.
   */
  @Test
  void theAnswerToAPushIsWhatIsStored() throws Exception {
    String externalId = "kurs-" + UUID.randomUUID();
    String sessions =
        """
        [{"start": "2027-05-04T18:00:00.123456789+02:00", "end": "2027-05-04T20:00:00+02:00",
          "address": "Marktplatz 1", "location": {"lat": 52.05, "lon": 13.05}},
         {"start": "2027-05-04T16:00:00.123456789Z", "end": "2027-05-04T19:30:00Z",
          "onlineUrl": "https://vhs.example/raum", "location": {"lat": 52.02, "lon": 13.02}},
         {"start": "2027-05-04T16:00:00.123456Z", "end": "2027-05-04T17:00:00-01:00",
          "location": {"lat": 52.5, "lon": 13.5}},
         {"start": "2027-03-01T09:15:00+01:00", "end": "2027-03-01T10:00:00+01:00",
          "address": "Rathaus", "location": {"lat": 52.01, "lon": 13.09}}]
        """;
    for (String body :
        List.of(
            offer("Stadtführung <b>für</b> Neue & Co", "PUBLISHED", sessions),
            offer("Stadtführung für Neue", "PUBLISHED", ONE_SESSION_IN_MITTE)
                .replace("\"sdgs\": [4]", "\"sdgs\": [11, 4]"))) {
      JsonNode answer =
          JSON.readTree(
              put("partner-vhs", externalId, body)
                  .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                  .extract()
                  .body()
                  .asString());
      JsonNode read =
          JSON.readTree(get("partner-vhs", externalId).statusCode(200).extract().body().asString());
      assertEquals(read, answer);
    }
  }

  @Test
  void pushIsIdempotentAndEachChangeHasExactlyItsEvent() throws Exception {
    String externalId = "kurs-" + UUID.randomUUID();
    String body = offer("Digital fit für Eltern", "PUBLISHED", ONE_SESSION_IN_MITTE);

    String id =
        put("partner-vhs", externalId, body)
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header("Lernstadt-Push-Outcome", "created")
            .body("version", equalTo(1))
            .body("status", equalTo("PUBLISHED"))
            .body("districts", equalTo(List.of("mitte")))
            .body("sessions[0].district", equalTo("mitte"))
            .extract()
            .path("id");

    // The same content again: same version, no event.
    put("partner-vhs", externalId, body)
        .statusCode(200)
        .header("Lernstadt-Push-Outcome", "unchanged")
        .body("version", equalTo(1));

    // A changed title: a new version and an update naming the field.
    put("partner-vhs", externalId, body.replace("Digital fit", "Digital sicher"))
        .statusCode(200)
        .header("Lernstadt-Push-Outcome", "updated")
        .body("version", equalTo(2));

    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .delete("/v1/partner/offers/" + externalId)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));

    assertEquals(
        List.of(OfferEvents.PUBLISHED, OfferEvents.UPDATED, OfferEvents.WITHDRAWN),
        typesFor(id, OfferEvents.WITHDRAWN));
    ConsumerRecord<String, String> update =
        Topics.awaitRecord(
            OfferEvents.TOPIC,
            r -> id.equals(r.key()) && OfferEvents.UPDATED.equals(Topics.header(r, "ce_type")),
            WAIT);
    JsonNode event = JSON.readTree(update.value());
    assertEquals("[\"title\"]", event.get("changedFields").toString());
    assertEquals("[\"mitte\"]", event.get("districts").toString());
    assertEquals("/lernstadt/catalogue-service", Topics.header(update, "ce_source"));
  }

  @Test
  void draftIsSilentUntilPublished() {
    String externalId = "entwurf-" + UUID.randomUUID();
    String id =
        put("partner-vhs", externalId, offer("Entwurf", "DRAFT", ONE_SESSION_IN_MITTE))
            .statusCode(201)
            .extract()
            .path("id");
    put("partner-vhs", externalId, offer("Entwurf", "PUBLISHED", ONE_SESSION_IN_MITTE))
        .statusCode(200)
        .body("version", equalTo(2));
    put("partner-vhs", externalId, offer("Entwurf", "CANCELLED", ONE_SESSION_IN_MITTE))
        .statusCode(200);
    assertEquals(
        List.of(OfferEvents.PUBLISHED, OfferEvents.CANCELLED), typesFor(id, OfferEvents.CANCELLED));
  }

  @Test
  void staleIfMatchIsRefusedAndChangesNothing() {
    String externalId = "etag-" + UUID.randomUUID();
    String body = offer("Sprachcafé", "PUBLISHED", ONE_SESSION_IN_MITTE);
    put("partner-vhs", externalId, body).statusCode(201);
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"7\"")
        .body(body.replace("Sprachcafé", "Anders"))
        .put("/v1/partner/offers/" + externalId)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(body.replace("Sprachcafé", "Sprachcafé am Abend"))
        .put("/v1/partner/offers/" + externalId)
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
  }

  @Test
  void aPartnerCannotReachAnotherProvidersOffer() {
    String externalId = "eigen-" + UUID.randomUUID();
    put("partner-vhs", externalId, offer("Nur VHS", "PUBLISHED", ONE_SESSION_IN_MITTE))
        .statusCode(201);

    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-library"))
        .delete("/v1/partner/offers/" + externalId)
        .then()
        .statusCode(404);
    get("partner-library", externalId).statusCode(404);
    // The same external id under another provider is another offer.
    put("partner-library", externalId, offer("Bibliothek", "DRAFT", ONE_SESSION_IN_MITTE))
        .statusCode(201);
    get("partner-vhs", externalId)
        .statusCode(200)
        .body("title", equalTo("Nur VHS"))
        .body("status", equalTo("PUBLISHED"));
  }

  @Test
  void onlyPartnersMayUseThePartnerApi() {
    String body = offer("x", "DRAFT", "[]");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/v1/partner/offers/a")
        .then()
        .statusCode(401);
    for (String user : List.of("citizen1", "editor1")) {
      given()
          .auth()
          .oauth2(Tokens.forUser(user))
          .contentType(ContentType.JSON)
          .body(body)
          .put("/v1/partner/offers/a")
          .then()
          .statusCode(403);
    }
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    put(
            "partner-vhs",
            "bad-" + UUID.randomUUID(),
            offer(
                "Zeitreise",
                "PUBLISHED",
                """
                [{"start": "2027-03-01T19:00:00+01:00", "end": "2027-03-01T17:00:00+01:00",
                  "location": {"lat": 52.05, "lon": 13.05}}]
                """))
        .statusCode(422)
        .body("errors.field", hasItem("sessions[0].end"));
    put(
            "partner-vhs",
            "bad-" + UUID.randomUUID(),
            offer(
                "Nordpol",
                "PUBLISHED",
                """
                [{"start": "2027-03-01T17:00:00+01:00", "end": "2027-03-01T19:00:00+01:00",
                  "location": {"lat": 91, "lon": 13.05}}]
                """))
        .statusCode(422)
        .body("errors.field", hasItem("sessions[0].location.lat"));
    put(
            "partner-vhs",
            "bad-" + UUID.randomUUID(),
            offer("Thema", "PUBLISHED", "[]").replace("PARENTING", "ASTROLOGY"))
        .statusCode(400)
        .body("errors[0].field", equalTo("topics[1]"));
    put("partner-vhs", "x".repeat(101), offer("Lang", "DRAFT", "[]"))
        .statusCode(422)
        .body("errors.field", hasItem("externalId"));
    put(
            "partner-vhs",
            "bad-" + UUID.randomUUID(),
            offer("Ort", "PUBLISHED", "[]")
                .replace(
                    "\"sessions\": []",
                    "\"sessions\": [{\"start\": \"2027-03-01T17:00:00Z\","
                        + " \"end\": \"2027-03-01T18:00:00Z\", \"learningPlaceId\": \""
                        + UUID.randomUUID()
                        + "\"}]"))
        .statusCode(422)
        .body("errors.field", hasItem("sessions[0].learningPlaceId"));
  }

  @Test
  void markupIsStoredAndReturnedAsPlainText() {
    String externalId = "markup-" + UUID.randomUUID();
    put(
            "partner-vhs",
            externalId,
            offer("<script>alert(1)</script> Kurs", "DRAFT", ONE_SESSION_IN_MITTE))
        .statusCode(201)
        .contentType(ContentType.JSON)
        .body("title", equalTo("<script>alert(1)</script> Kurs"));
  }

  @Test
  void partnerListsItsOwnOffersPageByPage() {
    String prefix = "liste-" + UUID.randomUUID() + "-";
    for (int i = 0; i < 3; i++) {
      put("partner-library", prefix + i, offer("Lesung " + i, "DRAFT", "[]")).statusCode(201);
    }
    // Cursor pages are ordered by external id; walk them until this test's offers are all seen.
    java.util.List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page =
          given()
              .auth()
              .oauth2(Tokens.forPartner("partner-library"))
              .queryParam("limit", 2)
              .queryParam("cursor", cursor == null ? "" : cursor)
              .get("/v1/partner/offers")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.externalId"));
      cursor = page.getString("next");
    } while (cursor != null);
    assertEquals(
        List.of(prefix + 0, prefix + 1, prefix + 2),
        seen.stream().filter(e -> e.startsWith(prefix)).toList());
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-library"))
        .queryParam("limit", 501)
        .get("/v1/partner/offers")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"))
        .body("instance", equalTo("/v1/partner/offers"))
        .body("detail", org.hamcrest.Matchers.notNullValue())
        .body("type", equalTo("about:blank"))
        .body("errors[1]", nullValue());
  }
}
