package org.lernstadt.catalogue.offer.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.BulkOfferTest;
import org.lernstadt.catalogue.offer.event.OfferEvents;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Import of another portal's schema.org feed through the real PostgreSQL, Kafka broker and
 * Keycloak: offers stored under the matched providers, searchable, with districts and events.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class FeedImportTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private UUID musicSchool;
  private UUID familyCentre;

  @BeforeEach
  void providers() throws Exception {
    UUID[] ids = FeedFixtures.providers();
    musicSchool = ids[0];
    familyCentre = ids[1];
  }

  /**
   * Four courses of two providers, as another city's portal publishes them: the music school named
   * by its website (and once by a reference to the Organization node), the family centre by its
   * name in capitals; on site, online and blended dates; free and with a fee.
   */
  static String feed(String word, String run, String guitarPrice) {
    return """
        {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [
          {"@type": "ListItem", "position": 1, "item": {
            "@type": "Course", "@id": "https://musikschule-feedstadt.example/kurse/RUN/gitarre",
            "name": "Gitarre für Anfänger WORD",
            "description": "Grundgriffe, Rhythmus und erste Lieder – für Erwachsene ohne Vorkenntnisse. Übungsgitarren sind da.",
            "provider": {"@type": "Organization", "@id": "#musikschule", "name": "Musikschule",
                         "url": "http://musikschule-feedstadt.example"},
            "keywords": "Musik, Gitarre", "inLanguage": "de-DE",
            "audience": {"@type": "EducationalAudience", "educationalRole": "Erwachsene"},
            "offers": {"@type": "Offer", "price": "PRICE", "priceCurrency": "EUR"},
            "url": "https://musikschule-feedstadt.example/anmeldung/gitarre",
            "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "onsite",
              "startDate": "2027-04-07T18:00:00+02:00", "endDate": "2027-04-07T19:30:00+02:00",
              "location": {"@type": "Place", "name": "Musikschule, Saal 2",
                "address": {"@type": "PostalAddress", "streetAddress": "Schloßstraße 3",
                            "postalCode": "06844", "addressLocality": "Dessau-Roßlau"},
                "geo": {"@type": "GeoCoordinates", "latitude": 52.06, "longitude": 13.06}}}]}},
          {"@type": "ListItem", "position": 2, "item": {
            "@type": "Course", "identifier": "MS-RUN-017",
            "name": "Musikproduktion am Laptop WORD",
            "description": "Beats, Loops und Aufnahmen mit freier Software.",
            "provider": {"@id": "#musikschule"},
            "about": [{"@type": "Thing", "name": "Digitales"}, "Musik"],
            "audience": "Jugendliche", "isAccessibleForFree": true,
            "offers": {"@type": "Offer", "price": 0},
            "hasCourseInstance": {"@type": "CourseInstance", "courseMode": "online",
              "startDate": "2027-04-09T17:00:00+02:00", "endDate": "2027-04-09T18:00:00+02:00",
              "location": {"@type": "VirtualLocation", "url": "https://musikschule-feedstadt.example/live"}}}},
          {"@type": "Course", "@id": "https://familienzentrum.example/RUN/elterncafe",
            "name": "Elterncafé: Schlafen, Essen, Trotzen WORD",
            "description": "Austausch für Mütter und Väter mit Kindern bis drei Jahre.",
            "provider": {"@type": "Organization", "name": "FAMILIENZENTRUM FEEDSTADT"},
            "teaches": "Erziehung", "audience": {"@type": "Audience", "audienceType": "Eltern"},
            "inLanguage": ["de", "tr"], "offers": {"@type": "Offer", "price": 0, "priceCurrency": "EUR"},
            "hasCourseInstance": {"@type": "CourseInstance",
              "startDate": "2027-05-12T09:30:00", "endDate": "2027-05-12T11:00:00",
              "location": {"@type": "Place", "address": "Marktplatz 5",
                "geo": {"latitude": "52.04", "longitude": "13.02"}}}},
          {"@type": "Course", "@id": "https://familienzentrum.example/RUN/kochen",
            "name": "Gesund kochen mit der ganzen Familie WORD",
            "description": "Wir kochen zusammen saisonal und günstig.",
            "provider": {"@type": "Organization", "name": "Familienzentrum Feedstadt"},
            "keywords": ["Gesundheit", "Ernährung"], "audience": "Familien",
            "offers": {"@type": "Offer", "price": 12, "priceCurrency": "EUR"},
            "hasCourseInstance": {"@type": "CourseInstance", "courseMode": "blended",
              "startDate": "2027-06-02T16:00:00+02:00", "duration": "PT2H",
              "location": [{"@type": "Place", "address": "Küche im Stadtteilhaus",
                            "geo": {"latitude": 52.07, "longitude": 13.08}},
                           {"@type": "VirtualLocation", "url": "https://familienzentrum.example/stream"}]}}
        ]}
        """
        .replace("WORD", word)
        .replace("RUN", run)
        .replace("PRICE", guitarPrice);
  }

  private static JsonPath imported(String body) {
    return FeedFixtures.asEditor(body).statusCode(200).extract().jsonPath();
  }

  @Test
  void aFeedOfTwoProvidersIsStoredSearchableAndARepeatChangesNothing() {
    String word = FeedFixtures.word();
    String run = UUID.randomUUID().toString();
    JsonPath first = imported(feed(word, run, "89.50"));
    assertEquals(4, first.getInt("summary.created"), first.prettify());
    List<String> ids = first.getList("items.id", String.class);
    assertEquals(List.of(0, 1, 2, 3), first.getList("items.index", Integer.class));
    assertEquals("ld:MS-" + run + "-017", first.getString("items[1].externalId"));

    given()
        .get("/v1/offers/" + ids.get(0))
        .then()
        .statusCode(200)
        .body("providerId", equalTo(musicSchool.toString()))
        .body("title", equalTo("Gitarre für Anfänger " + word))
        .body("topics", contains("CULTURE"))
        .body("targetGroups", contains("ADULTS"))
        .body("lifePhases", contains("ADULTS"))
        .body("languages", contains("de"))
        .body("modality", equalTo("ON_SITE"))
        .body("cost.kind", equalTo("FEE"))
        .body("cost.feeCents", equalTo(8950))
        .body("registrationUrl", equalTo("https://musikschule-feedstadt.example/anmeldung/gitarre"))
        .body(
            "sessions[0].address",
            equalTo("Musikschule, Saal 2, Schloßstraße 3, 06844 Dessau-Roßlau"))
        .body("districts", contains("mitte"));
    given()
        .get("/v1/offers/" + ids.get(1))
        .then()
        .statusCode(200)
        .body("providerId", equalTo(musicSchool.toString()))
        .body("topics", containsInAnyOrder("DIGITAL_SKILLS", "CULTURE"))
        .body("targetGroups", contains("YOUTH"))
        .body("modality", equalTo("ONLINE"))
        .body("cost.kind", equalTo("FREE"))
        .body("sessions[0].onlineUrl", equalTo("https://musikschule-feedstadt.example/live"));
    given()
        .get("/v1/offers/" + ids.get(2))
        .then()
        .statusCode(200)
        .body("providerId", equalTo(familyCentre.toString()))
        .body("topics", contains("PARENTING"))
        .body("lifePhases", contains("PARENTS"))
        .body("languages", containsInAnyOrder("de", "tr"))
        // Written without an offset: the city's time, summer time in May.
        .body("sessions[0].start", equalTo("2027-05-12T07:30:00Z"))
        .body("districts", contains("mitte"));
    given()
        .get("/v1/offers/" + ids.get(3))
        .then()
        .statusCode(200)
        .body("providerId", equalTo(familyCentre.toString()))
        .body("topics", contains("HEALTH"))
        .body("targetGroups", contains("FAMILIES"))
        .body("modality", equalTo("HYBRID"))
        .body("cost.feeCents", equalTo(1200))
        .body("sessions[0].end", equalTo("2027-06-02T16:00:00Z"))
        .body("sessions[0].onlineUrl", equalTo("https://familienzentrum.example/stream"));

    assertEquals(
        ids.stream().sorted().toList(),
        given()
            .queryParam("q", word)
            .get("/v1/offers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.id", String.class)
            .stream()
            .sorted()
            .toList());
    assertEquals(
        List.of(ids.get(0)),
        given()
            .queryParam("q", word + " Gitarre")
            .get("/v1/offers")
            .then()
            .extract()
            .jsonPath()
            .getList("items.id", String.class));

    JsonPath again = imported(feed(word, run, "89.50"));
    assertEquals(4, again.getInt("summary.unchanged"), again.prettify());
    assertEquals(ids, again.getList("items.id", String.class));

    JsonPath changed = imported(feed(word, run, "95"));
    assertEquals(1, changed.getInt("summary.updated"), changed.prettify());
    assertEquals(3, changed.getInt("summary.unchanged"));
    assertEquals("updated", changed.getString("items[0].outcome"));
    assertEquals(2, changed.getInt("items[0].version"));

    BulkOfferTest.assertOnlyFirstChanged(ids, OfferEvents.UPDATED);
  }

  @Test
  void badCoursesAreRejectedWithTheirFieldsAndTheGoodOneIsStored() {
    String word = FeedFixtures.word();
    String run = UUID.randomUUID().toString();
    String good =
        """
        {"@type": "Course", "@id": "urn:RUN:good", "name": "Spielgruppe WORD",
         "description": "<p>Offener Treff</p>",
         "provider": {"name": "Familienzentrum Feedstadt"}, "keywords": "Eltern",
         "offers": {"price": 0},
         "hasCourseInstance": {"startDate": "2027-03-03T10:00:00+01:00",
           "endDate": "2027-03-03T11:00:00+01:00",
           "location": {"@type": "Place", "geo": {"latitude": 52.05, "longitude": 13.05}}}}
        """;
    String body =
        "["
            + String.join(
                ",",
                good,
                good.replace("urn:RUN:good", "urn:RUN:provider")
                    .replace(
                        "{\"name\": \"Familienzentrum Feedstadt\"}",
                        "{\"name\": \"Unbekannte Akademie\", \"url\": \"https://unbekannt.example\"}"),
                good.replace("urn:RUN:good", "urn:RUN:topic")
                    .replace("\"Eltern\"", "\"Astrologie, Sterndeutung\""),
                good.replace("urn:RUN:good", "urn:RUN:date")
                    .replace("2027-03-03T10:00:00+01:00", "2027-13-40T10:00"),
                good.replace("urn:RUN:good", "urn:RUN:order")
                    .replace("2027-03-03T11:00:00+01:00", "2027-03-03T09:00:00+01:00"),
                good.replace("urn:RUN:good", "urn:RUN:name")
                    .replace("\"name\": \"Spielgruppe WORD\",", ""),
                "{\"@type\": \"Event\", \"name\": \"Stadtfest\"}")
            + "]";
    JsonPath report = imported(body.replace("RUN", run).replace("WORD", word));

    assertEquals(1, report.getInt("summary.created"), report.prettify());
    assertEquals(6, report.getInt("summary.rejected"));
    assertEquals("provider", report.getString("items[1].errors[0].field"));
    assertTrue(report.getString("items[1].errors[0].message").contains("'Unbekannte Akademie'"));
    assertEquals("about", report.getString("items[2].errors[0].field"));
    assertTrue(report.getString("items[2].errors[0].message").contains("'Astrologie'"));
    assertEquals("hasCourseInstance[0].startDate", report.getString("items[3].errors[0].field"));
    assertEquals("hasCourseInstance[0].endDate", report.getString("items[4].errors[0].field"));
    assertEquals("must be after start", report.getString("items[4].errors[0].message"));
    assertEquals("name", report.getString("items[5].errors[0].field"));
    assertEquals("@type", report.getString("items[6].errors[0].field"));

    // Only the good course is in the catalogue; its markup is kept as the plain text it is.
    String id = report.getString("items[0].id");
    assertEquals(
        List.of(id),
        given()
            .queryParam("q", word)
            .get("/v1/offers")
            .then()
            .extract()
            .jsonPath()
            .getList("items.id", String.class));
    given()
        .get("/v1/offers/" + id)
        .then()
        .statusCode(200)
        .body("description", equalTo("<p>Offener Treff</p>"))
        // No audience: the documented default life phase.
        .body("lifePhases", contains("ADULTS"));
  }

  @Test
  void aGraphsCoursesAreItsItemsAndItsOtherNodesWhatTheyReferTo() {
    String word = FeedFixtures.word();
    String graph =
        """
        {"@context": {"@vocab": "https://schema.org/"}, "@graph": [
          {"@type": "Organization", "@id": "https://familienzentrum.example/#org",
           "name": "Familienzentrum Feedstadt"},
          {"@type": "Place", "@id": "#haus", "address": "Marktplatz 5",
           "geo": {"@type": "GeoCoordinates", "latitude": 52.05, "longitude": 13.05}},
          {"@type": "ItemList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": {"@id": "urn:RUN:babymassage"}},
            {"@type": "ListItem", "position": 2, "item": {"@id": "urn:RUN:krabbelgruppe"}}]},
          {"@type": "https://schema.org/Course", "@id": "urn:RUN:babymassage",
           "name": "Babymassage WORD", "provider": {"@id": "https://familienzentrum.example/#org"},
           "about": "Elternbildung", "audience": "Eltern", "isAccessibleForFree": true,
           "hasCourseInstance": {"startDate": "2027-09-01", "location": {"@id": "#haus"}}},
          {"@type": ["Course", "Product"], "@id": "urn:RUN:krabbelgruppe",
           "name": "Krabbelgruppe WORD", "provider": {"@id": "https://familienzentrum.example/#org"},
           "about": "Elternbildung", "educationalLevel": "Kleinkinder",
           "offers": {"price": "3,50", "priceCurrency": "EUR"},
           "hasCourseInstance": {"startDate": "2027-09-02T10:00:00+02:00", "duration": "PT1H",
             "location": {"@id": "#haus"}}}]}
        """
            .replace("WORD", word)
            .replace("RUN", UUID.randomUUID().toString());
    JsonPath report = imported(graph);
    assertEquals(2, report.getInt("summary.created"), report.prettify());
    assertEquals(0, report.getInt("summary.rejected"));
    given()
        .get("/v1/offers/" + report.getString("items[0].id"))
        .then()
        .statusCode(200)
        .body("providerId", equalTo(familyCentre.toString()))
        .body("sessions[0].address", equalTo("Marktplatz 5"))
        // A date alone is the whole day in the city's time.
        .body("sessions[0].start", equalTo("2027-08-31T22:00:00Z"))
        .body("sessions[0].end", equalTo("2027-09-01T22:00:00Z"))
        .body("districts", contains("mitte"));
    given()
        .get("/v1/offers/" + report.getString("items[1].id"))
        .then()
        .statusCode(200)
        .body("lifePhases", contains("EARLY_CHILDHOOD"))
        .body("cost.feeCents", equalTo(350));
  }

  @Test
  void theCataloguesOwnJsonLdImportsCleanly() {
    String word = FeedFixtures.word();
    String externalId = "roundtrip-" + UUID.randomUUID();
    String original =
        given()
            .auth()
            .oauth2(org.lernstadt.platform.testing.Tokens.forPartner("partner-vhs"))
            .contentType("application/json")
            .body(
                """
                {"title": "Smartphone-Sprechstunde WORD", "description": "Fragen rund ums Handy, geduldig beantwortet.",
                 "topics": ["DIGITAL_SKILLS"], "targetGroups": ["SENIORS"], "lifePhases": ["SENIORS"],
                 "languages": ["de"], "modality": "ON_SITE", "cost": {"kind": "FEE", "feeCents": 500},
                 "accessibility": ["STEP_FREE", "HEARING_LOOP"],
                 "registrationUrl": "https://vhs.example/anmeldung/smartphone",
                 "status": "PUBLISHED", "sessions": [
                   {"start": "2027-03-01T17:00:00+01:00", "end": "2027-03-01T19:00:00+01:00",
                    "address": "Marktplatz 1", "location": {"lat": 52.05, "lon": 13.05}},
                   {"start": "2027-03-08T17:00:00+01:00", "end": "2027-03-08T19:00:00+01:00",
                    "address": "Marktplatz 1", "location": {"lat": 52.05, "lon": 13.05}}]}
                """
                    .replace("WORD", word))
            .put("/v1/partner/offers/" + externalId)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String jsonLd =
        given()
            .accept("application/ld+json")
            .get("/v1/offers/" + original)
            .then()
            .statusCode(200)
            .extract()
            .asString();

    // The export names its provider by the catalogue's id only: the editor names the importer's.
    String query = "?provider=" + familyCentre;
    JsonPath report =
        FeedFixtures.post(
                org.lernstadt.platform.testing.Tokens.forUser("editor1"),
                "application/ld+json",
                jsonLd,
                query)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, report.getInt("summary.created"), report.prettify());
    String copy = report.getString("items[0].id");

    JsonPath a = given().get("/v1/offers/" + original).then().extract().jsonPath();
    JsonPath b = given().get("/v1/offers/" + copy).then().statusCode(200).extract().jsonPath();
    assertEquals(familyCentre.toString(), b.getString("providerId"));
    for (String field :
        List.of(
            "title",
            "description",
            "topics",
            "targetGroups",
            "lifePhases",
            "languages",
            "modality",
            "cost",
            "accessibility",
            "registrationUrl",
            "status",
            "sessions.start",
            "sessions.end",
            "sessions.address",
            "sessions.location",
            "districts")) {
      assertEquals(
          String.valueOf((Object) a.get(field)), String.valueOf((Object) b.get(field)), field);
    }

    JsonPath again =
        FeedFixtures.post(
                org.lernstadt.platform.testing.Tokens.forUser("admin1"),
                "application/json",
                jsonLd,
                query)
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("unchanged", again.getString("items[0].outcome"));
    assertEquals(copy, again.getString("items[0].id"));
  }
}
