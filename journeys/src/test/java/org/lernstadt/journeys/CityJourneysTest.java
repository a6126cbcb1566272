package org.lernstadt.journeys;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.OtlpCollector.ReceivedSpan;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.Topics;

/**
 * The users of a learning city, one after the other, through the gateway and the real Keycloak
 * only: a partner institution, citizens, a counsellor, an editor, a moderator and an analyst. Each
 * journey builds on what the earlier ones left behind (one district, its offers, a counselling
 * centre, a case, a dialogue), so the methods run in order on one instance; the last two look at
 * the whole run from outside (the broker, the services' logs).
 */
@ExtendWith(Platform.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityJourneysTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(90);

  /** The district of the journeys: a square around the middle of the (made up) city. */
  private static final String DISTRICT = "journey-mitte";

  private static final double LAT = 51.05;
  private static final double LON = 13.74;
  private static final double HALF = 0.03;

  /** The partner's offers: a grid of {@value #ROWS} × {@value #COLUMNS} places in the district. */
  private static final int ROWS = 25;

  private static final int COLUMNS = 10;
  private static final int OFFERS = ROWS * COLUMNS;

  /** Inhabitants of the district, for the per-1,000 indicators. */
  private static final int INHABITANTS = 10_000;

  private static final String COUNSELLOR_ID = "00000000-0000-4000-8000-000000000201";

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  /** The partner system's trace of the withdrawal (W3C trace id), and its own span. */
  private final String withdrawalTrace = UUID.randomUUID().toString().replace("-", "");

  private static final String PARTNER_SPAN = "00f067aa0ba902b7";

  /** All dates of the partner's offers are on this day, so they count in one year. */
  private final OffsetDateTime offerDay =
      OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.DAYS).plusHours(8);

  /** citizen1's address: a few streets off the middle of the district. */
  private final double[] home = {LAT + 0.003, LON - 0.002};

  private final int year = OffsetDateTime.now(ZoneOffset.UTC).getYear();

  private final Map<String, String> offerIdsByExternalId = new LinkedHashMap<>();
  private String centre;
  private String chosenOffer;
  private String chosenExternalId;
  private String caseId;
  private String dialogue;
  private String abusive;
  private final List<String> contributions = new ArrayList<>();

  @BeforeAll
  void theCityPreparesADistrict() {
    // The editor draws the district on the city's map, the analyst registers it for monitoring
    // with its inhabitants and sets an early-warning rule on dialogue participation.
    List<List<Double>> ring =
        List.of(
            List.of(LON - HALF, LAT - HALF),
            List.of(LON + HALF, LAT - HALF),
            List.of(LON + HALF, LAT + HALF),
            List.of(LON - HALF, LAT + HALF),
            List.of(LON - HALF, LAT - HALF));
    as("editor1")
        .body(
            Map.of(
                "name",
                "Mitte",
                "geometry",
                Map.of("type", "Polygon", "coordinates", List.of(ring))))
        .put("/catalogue/v1/districts/" + DISTRICT)
        .then()
        .statusCode(201);
    as("analyst1")
        .body(Map.of("name", "Mitte", "level", "DISTRICT", "parent", "city"))
        .put("/monitoring/v1/areas/" + DISTRICT)
        .then()
        .statusCode(200);
    StringBuilder population = new StringBuilder("area,year,ageBand,persons\n");
    for (int y : new LinkedHashSet<>(List.of(year, offerDay.getYear()))) {
      population.append(DISTRICT).append(',').append(y).append(",TOTAL,").append(INHABITANTS);
      population.append('\n');
    }
    given()
        .auth()
        .oauth2(Tokens.forUser("analyst1"))
        .contentType("text/csv")
        .body(population.toString())
        .post("/monitoring/v1/imports")
        .then()
        .statusCode(200);
    // More than 0.25 contributions per 1,000 inhabitants warns (3 of 10,000 make 0.3).
    as("analyst1")
        .body(Map.of("area", DISTRICT, "kind", "ABOVE", "threshold", 0.25, "importance", "MEDIUM"))
        .post("/monitoring/v1/indicators/CONTRIBUTIONS_PER_1000/rules")
        .then()
        .statusCode(201);
    as("analyst1")
        .get("/monitoring/v1/alerts?open=true&area=" + DISTRICT)
        .then()
        .statusCode(200)
        .body("size()", equalTo(0));
  }

  @Test
  @Order(1)
  void aPartnerInstitutionPushesABulkOfOffers() throws Exception {
    // The city registers the adult education centre and names its partner client.
    as("editor1")
        .body(
            Map.of(
                "key", "vhs-demo",
                "name", "Volkshochschule Lernstadt",
                "kind", "ADULT_EDUCATION_CENTRE",
                "partnerClient", "partner-vhs"))
        .post("/catalogue/v1/providers")
        .then()
        .statusCode(201);

    List<Map<String, Object>> items = new ArrayList<>();
    for (int row = 0; row < ROWS; row++) {
      for (int column = 0; column < COLUMNS; column++) {
        double lat = LAT - 0.025 + row * 0.05 / (ROWS - 1);
        double lon = LON - 0.025 + column * 0.05 / (COLUMNS - 1);
        Map<String, Object> offer =
            offer(
                "Kurs " + (row * COLUMNS + column + 1) + " " + run,
                offerDay.plusMinutes(row * 20L),
                lat,
                lon);
        offer.put("externalId", "kurs-" + run + "-" + row + "-" + column);
        items.add(offer);
      }
    }
    Response pushed =
        given()
            .auth()
            .oauth2(Tokens.forPartner("partner-vhs"))
            .contentType(ContentType.JSON)
            .body(items)
            .post("/catalogue/v1/partner/offers/bulk");
    pushed.then().statusCode(200);
    JsonNode report = JSON.readTree(pushed.asString());
    assertEquals(OFFERS, report.path("summary").path("created").asInt(), report.toString());
    assertEquals(0, report.path("summary").path("rejected").asInt());
    for (JsonNode item : report.path("items")) {
      assertEquals("created", item.path("outcome").asText(), item.toString());
      offerIdsByExternalId.put(item.path("externalId").asText(), item.path("id").asText());
    }
    assertEquals(OFFERS, Set.copyOf(offerIdsByExternalId.values()).size());

    // They are public at once, in the district the city drew.
    as("citizen1")
        .get("/catalogue/v1/offers?district=" + DISTRICT + "&limit=1")
        .then()
        .statusCode(200)
        .body("total", equalTo(OFFERS));
  }

  @Test
  @Order(2)
  void aCitizenFindsAnOfferOnTheMapNearTheirAddressAndBooksACounsellingSlot() throws Exception {
    // The city opens a counselling centre in the district; counselor1 works there and offers
    // an appointment in three days.
    centre = UUID.randomUUID().toString();
    as("admin1")
        .body(
            Map.of(
                "name",
                "Bildungsberatung Mitte",
                "district",
                DISTRICT,
                "latitude",
                LAT,
                "longitude",
                LON,
                "languages",
                List.of("de"),
                "topics",
                List.of("REENTRY_INTO_WORK")))
        .put("/counseling/v1/centres/" + centre)
        .then()
        .statusCode(200);
    as("admin1")
        .body(Map.of("lead", false))
        .put("/counseling/v1/centres/" + centre + "/members/" + COUNSELLOR_ID)
        .then()
        .statusCode(204);
    OffsetDateTime appointment =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.HOURS);
    as("counselor1")
        .body(
            Map.of(
                "start", appointment.toString(),
                "end", appointment.plusMinutes(45).toString(),
                "format", "IN_PERSON"))
        .post("/counseling/v1/centres/" + centre + "/slots")
        .then()
        .statusCode(201);

    // citizen1 looks for offers within 1 km of home.
    double homeLat = home[0];
    double homeLon = home[1];
    Response map =
        as("citizen1")
            .accept("application/geo+json")
            .get(
                "/catalogue/v1/offers/map?lat="
                    + homeLat
                    + "&lon="
                    + homeLon
                    + "&radiusKm=1&cluster=false");
    map.then().statusCode(200).contentType("application/geo+json");
    JsonNode features = JSON.readTree(map.asString()).path("features");
    assertTrue(features.size() > 0, "offers near the address");
    assertTrue(features.size() < OFFERS, "only the offers near the address");
    double nearest = Double.MAX_VALUE;
    for (JsonNode feature : features) {
      String id = feature.path("properties").path("id").asText();
      assertTrue(offerIdsByExternalId.containsValue(id), "one of the partner's offers: " + id);
      JsonNode point = feature.path("geometry").path("coordinates");
      double km = kilometres(homeLat, homeLon, point.get(1).asDouble(), point.get(0).asDouble());
      // 1 % for the catalogue's slightly larger earth radius (earthdistance: 6378.168 km)
      assertTrue(km <= 1.01, id + " is " + km + " km away");
      if (km < nearest) {
        nearest = km;
        chosenOffer = id;
      }
    }
    for (Map.Entry<String, String> offer : offerIdsByExternalId.entrySet()) {
      if (offer.getValue().equals(chosenOffer)) {
        chosenExternalId = offer.getKey();
      }
    }
    as("citizen1")
        .get("/catalogue/v1/offers/" + chosenOffer)
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));

    // ... and books the appointment at the centre to talk about it.
    Response slots = as("citizen1").get("/counseling/v1/centres/" + centre + "/slots");
    slots.then().statusCode(200).body("size()", equalTo(1)).body("[0].free", equalTo(true));
    String slot = slots.path("[0].id");
    as("citizen1")
        .body(
            Map.of(
                "slotId",
                slot,
                "contact",
                Map.of("name", "Citizen One", "email", "citizen1@example.org")))
        .post("/counseling/v1/bookings")
        .then()
        .statusCode(201);
    as("citizen2")
        .get("/counseling/v1/centres/" + centre + "/slots")
        .then()
        .statusCode(200)
        .body("[0].free", equalTo(false));
  }

  @Test
  @Order(3)
  void aCounsellorOpensACaseRecordsASessionAndRefersThePersonToTheOffer() {
    Map<String, Object> opening = new LinkedHashMap<>();
    opening.put("centreId", centre);
    opening.put("transition", "REENTRY_INTO_WORK");
    opening.put("district", DISTRICT);
    opening.put(
        "person",
        Map.of(
            "name", "Citizen One", "birthDate", "1988-05-02", "contact", "citizen1@example.org"));
    opening.put("notes", "Wants to get back into work after parental leave.");
    opening.put(
        "consents",
        List.of(
            Map.of("purpose", "COUNSELLING", "legalBasis", "CONSENT"),
            Map.of(
                "purpose", "REFERRAL", "legalBasis", "CONSENT", "sharedFields", List.of("NAME"))));
    caseId =
        as("counselor1")
            .body(opening)
            .post("/counseling/v1/cases")
            .then()
            .statusCode(201)
            .body("stage", equalTo("INTAKE"))
            .extract()
            .path("id");
    as("counselor1")
        .body(
            Map.of(
                "heldAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(50).toString(),
                "format",
                "IN_PERSON",
                "durationMinutes",
                45,
                "topics",
                List.of("digital skills"),
                "note",
                "Looked at courses near home together."))
        .post("/counseling/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(201);

    // The counselling service knows the offer from the catalogue's events on the broker; until
    // they have arrived a referral to it is refused as unknown.
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as("counselor1")
                        .body(Map.of("targetKind", "OFFER", "offerId", chosenOffer))
                        .post("/counseling/v1/cases/" + caseId + "/referrals")
                        .statusCode()
                    == 201);
    as("counselor1")
        .get("/counseling/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].offerId", equalTo(chosenOffer))
        .body("[0].status", equalTo("PROPOSED"))
        .body("[0].offerUnavailable", nullValue())
        .body("[0].shared.name", equalTo("Citizen One"));
  }

  @Test
  @Order(4)
  void theInstitutionWithdrawsTheOfferAndTheReferralIsFlagged() {
    // The partner's system traces its own calls: the withdrawal carries its trace context.
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .header("traceparent", "00-" + withdrawalTrace + "-" + PARTNER_SPAN + "-01")
        .delete("/catalogue/v1/partner/offers/" + chosenExternalId)
        .then()
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    as("citizen1")
        .get("/catalogue/v1/offers?district=" + DISTRICT + "&limit=1")
        .then()
        .statusCode(200)
        .body("total", equalTo(OFFERS - 1));
    as("citizen1")
        .get("/catalogue/v1/offers/map?lat=" + home[0] + "&lon=" + home[1] + "&radiusKm=1")
        .then()
        .statusCode(200)
        .body("features.properties.id", not(hasItem(chosenOffer)));

    // The counselling service consumes the withdrawal and flags the open referral with it.
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as("counselor1")
                    .get("/counseling/v1/cases/" + caseId + "/referrals")
                    .path("[0].offerUnavailable"),
            equalTo("WITHDRAWN"));
  }

  @Test
  @Order(5)
  void theWithdrawalIsOneTraceThroughTheGatewayTheCatalogueKafkaAndItsConsumers() {
    // Every application exported its part of the partner's trace: the gateway's request and its
    // call to the catalogue, the catalogue's request and the publication of the event its outbox
    // kept, and the counselling service's and monitoring's processing of that event.
    List<ReceivedSpan> trace =
        await()
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(500))
            .until(
                () -> Platform.traces().trace(withdrawalTrace),
                spans ->
                    has(spans, "gateway", "SERVER")
                        && has(spans, "gateway", "CLIENT")
                        && has(spans, "catalogue-service", "SERVER")
                        && has(spans, "catalogue-service", "PRODUCER")
                        && has(spans, "counseling-service", "CONSUMER")
                        && has(spans, "monitoring-service", "CONSUMER"));

    // One tree: the gateway's span is the child of the partner's, every other span's parent is a
    // span of the same trace, so a tracing UI shows the way from the request to each consumer.
    Map<String, ReceivedSpan> byId = new LinkedHashMap<>();
    trace.forEach(span -> byId.put(span.spanId(), span));
    ReceivedSpan entry = only(trace, "gateway", "SERVER");
    assertEquals(PARTNER_SPAN, entry.parentSpanId(), entry.toString());
    for (ReceivedSpan span : trace) {
      if (span != entry) {
        assertTrue(byId.containsKey(span.parentSpanId()), "parent not in the trace: " + span);
      }
    }
    assertEquals(
        only(trace, "gateway", "CLIENT").spanId(),
        only(trace, "catalogue-service", "SERVER").parentSpanId());
    ReceivedSpan published =
        onOffersTopic(trace, "catalogue-service", span -> span.kind().equals("PRODUCER"));
    for (String consumer : List.of("counseling-service", "monitoring-service")) {
      ReceivedSpan processed =
          onOffersTopic(trace, consumer, span -> span.name().endsWith(" process"));
      assertEquals(
          "false", processed.attributes().get("lernstadt.event.duplicate"), processed.toString());
      assertTrue(descendsFrom(processed, published, byId), processed + " not under " + published);
    }
  }

  @Test
  @Order(6)
  void citizensContributeAndRateInADialogueAndAModeratorHidesAnAbusiveContribution() {
    Map<String, Object> definition = new LinkedHashMap<>();
    definition.put("title", "Wo lernen Sie in Mitte?");
    definition.put("description", "Where and how do you learn, what do you miss?");
    definition.put("questions", List.of("Where do you learn?", "What do you miss?"));
    definition.put("categories", List.of("library", "outdoors"));
    definition.put("districts", List.of(DISTRICT));
    dialogue =
        as("editor1")
            .body(definition)
            .post("/participation/v1/dialogues")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("editor1")
        .body(Map.of("phase", "CONTRIBUTION"))
        .post("/participation/v1/dialogues/" + dialogue + "/phase")
        .then()
        .statusCode(200);

    List<String> texts =
        List.of(
            "Die Stadtbibliothek braucht längere Öffnungszeiten am Abend.",
            "Ein Lerngarten im Park für Familien.",
            "Mehr Sprachcafés in der Bibliothek.");
    for (int i = 0; i < texts.size(); i++) {
      contributions.add(
          contribute("citizen" + (i + 1), texts.get(i), i == 1 ? "outdoors" : "library"));
    }
    abusive = contribute("citizen4", "Alle, die hier schreiben, sind Idioten!", "library");

    // Everyone rates the others' ideas up; citizen3 changes their mind about the first one.
    for (int rater = 1; rater <= 3; rater++) {
      for (int author = 1; author <= 3; author++) {
        if (rater != author) {
          rate("citizen" + rater, contributions.get(author - 1), 1);
        }
      }
    }
    rate("citizen3", contributions.get(0), -1);
    as("citizen1")
        .get("/participation/v1/contributions/" + contributions.get(1))
        .then()
        .statusCode(200)
        .body("ratingCount", equalTo(2))
        .body("ratingScore", equalTo(2.0f));
    as("citizen1")
        .get("/participation/v1/contributions/" + contributions.get(0))
        .then()
        .body("ratingCount", equalTo(2))
        .body("ratingScore", equalTo(0.0f));

    // A citizen reports the insult; the moderator finds it in the queue and hides it.
    as("citizen2")
        .body(Map.of("reason", "OFFENSIVE"))
        .post("/participation/v1/contributions/" + abusive + "/reports")
        .then()
        .statusCode(201);
    as("moderator1")
        .get("/participation/v1/moderation/queue?dialogueId=" + dialogue)
        .then()
        .statusCode(200)
        .body("itemId", hasItem(abusive));
    as("moderator1")
        .body(
            Map.of(
                "itemKind",
                "CONTRIBUTION",
                "itemId",
                abusive,
                "decision",
                "HIDE",
                "reason",
                "Beleidigt andere Teilnehmende."))
        .post("/participation/v1/moderation/decisions")
        .then()
        .statusCode(201);

    as("citizen1")
        .get("/participation/v1/dialogues/" + dialogue + "/contributions?sort=top")
        .then()
        .statusCode(200)
        .body("items.id", containsInAnyOrder(contributions.toArray()))
        // the two ideas with +2 before the one with +1 −1
        .body("items[2].id", equalTo(contributions.get(0)));
    as("citizen1").get("/participation/v1/contributions/" + abusive).then().statusCode(404);
    as("citizen4")
        .get("/participation/v1/me/contributions")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + abusive + "' }.status", equalTo("HIDDEN"));
  }

  @Test
  @Order(7)
  void theMonitoringShowsTheDistrictsIndicatorsAndRaisesAnAlert() {
    // Each number follows from the journeys above, computed by the monitoring from the events.
    int offerYear = offerDay.getYear();
    awaitValue("OFFERS_PER_1000", offerYear, perThousand(OFFERS - 1));
    awaitValue("COUNSELLING_CASES_OPENED", year, new BigDecimal("1"));
    awaitValue("REFERRAL_COMPLETION_RATE", year, BigDecimal.ZERO);
    awaitValue("CONTRIBUTIONS_PER_1000", year, perThousand(4));
    awaitValue("PARTICIPANTS_PER_1000", year, perThousand(4));
    // The appointment was booked about three days ahead (the slot starts on the hour).
    BigDecimal waiting = awaitAnyValue("WAITING_DAYS_FIRST_APPOINTMENT", year);
    assertTrue(
        waiting.compareTo(new BigDecimal("2")) > 0 && waiting.compareTo(new BigDecimal("3.1")) < 0,
        "waiting days " + waiting);

    // The contributions crossed the analyst's threshold: one open alert for the district.
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                as("analyst1")
                    .get("/monitoring/v1/alerts?open=true&area=" + DISTRICT)
                    .path("size()")
                    .equals(1));
    as("analyst1")
        .get("/monitoring/v1/alerts?open=true&area=" + DISTRICT)
        .then()
        .body("[0].indicator", equalTo("CONTRIBUTIONS_PER_1000"))
        .body("[0].period", equalTo(String.valueOf(year)));

    // The district's page for the analyst, gathered by the gateway from all four services.
    as("analyst1")
        .get("/api/v1/districts/" + DISTRICT + "/profile")
        .then()
        .statusCode(200)
        .body("name", equalTo("Mitte"))
        .body("offers.upcoming", equalTo(OFFERS - 1))
        .body("counselling.centre.id", hasItem(centre))
        .body("counselling.find { it.centre.id == '" + centre + "' }.inDistrict", equalTo(true))
        .body("openDialogues.id", hasItem(dialogue))
        .body("missing", org.hamcrest.Matchers.empty())
        .body("indicators.find { it.code == 'CONTRIBUTIONS_PER_1000' }.openAlerts", equalTo(1));
  }

  @Test
  @Order(8)
  void anAnalystReadsEveryTopicAndEveryRecordIsACloudEventValidAgainstItsSchema() throws Exception {
    // The district's alert follows from the last events of the journeys: once it is on the
    // broker, so is everything the journeys caused.
    ConsumerRecord<String, String> alert =
        Topics.awaitRecord(
            "monitoring.indicators.v1",
            r -> "org.lernstadt.monitoring.alert.raised.v1".equals(Topics.header(r, "ce_type")),
            WAIT);
    JsonNode raised = JSON.readTree(alert.value());
    assertEquals(DISTRICT, raised.path("area").asText(), raised.toString());
    assertEquals("CONTRIBUTIONS_PER_1000", raised.path("indicator").asText());
    Set<String> topics;
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.server().bootstrapServers()))) {
      // without the broker's internal topics (__consumer_offsets, ...)
      topics = new TreeSet<>(admin.listTopics().names().get());
    }
    EventContracts contracts = new EventContracts();
    Map<String, Integer> types = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String topic : topics) {
      List<ConsumerRecord<String, String>> records = Topics.readToEnd(topic, WAIT);
      if (topic.endsWith("-dlq") || topic.contains("dead-letter")) {
        records.forEach(r -> problems.add(topic + ": dead letter " + r.headers()));
        continue;
      }
      for (ConsumerRecord<String, String> record : records) {
        types.merge(String.valueOf(Topics.header(record, "ce_type")), 1, Integer::sum);
        for (String violation : contracts.violations(record)) {
          problems.add(topic + "-" + record.partition() + "@" + record.offset() + ": " + violation);
        }
      }
    }
    assertEquals(List.of(), problems.stream().limit(20).toList(), problems.size() + " bad records");
    // Every kind of event the journeys caused was among them.
    Set<String> expected =
        Set.of(
            "org.lernstadt.catalogue.provider.registered.v1",
            "org.lernstadt.catalogue.offer.published.v1",
            "org.lernstadt.catalogue.offer.withdrawn.v1",
            "org.lernstadt.counseling.booking.made.v1",
            "org.lernstadt.counseling.case.opened.v1",
            "org.lernstadt.counseling.session.held.v1",
            "org.lernstadt.counseling.referral.made.v1",
            "org.lernstadt.participation.dialogue.opened.v1",
            "org.lernstadt.participation.contribution.submitted.v1",
            "org.lernstadt.participation.rating.given.v1",
            "org.lernstadt.participation.contribution.moderated.v1",
            "org.lernstadt.monitoring.indicator.value-updated.v1",
            "org.lernstadt.monitoring.alert.raised.v1");
    assertTrue(types.keySet().containsAll(expected), "types on the broker: " + types);
    assertEquals(OFFERS, types.get("org.lernstadt.catalogue.offer.published.v1"));
  }

  @Test
  @Order(9)
  void noServiceLoggedAnError() throws IOException {
    List<Path> logs;
    try (Stream<Path> files = Files.list(Platform.LOGS)) {
      logs = files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
    }
    assertEquals(Platform.SERVICES.size() + 1, logs.size(), "one log per application: " + logs);
    List<String> errors = new ArrayList<>();
    for (Path log : logs) {
      try (Stream<String> lines = Files.lines(log)) {
        lines
            .filter(CityJourneysTest::isError)
            .map(line -> log.getFileName() + ": " + abbreviate(line))
            .forEach(errors::add);
      }
    }
    assertEquals(List.of(), errors);
  }

  // ---------------------------------------------------------------------------------------------

  /** The first span of the service about the catalogue's offer topic that {@code which} picks. */
  private static ReceivedSpan onOffersTopic(
      List<ReceivedSpan> trace, String service, Predicate<ReceivedSpan> which) {
    return trace.stream()
        .filter(span -> span.service().equals(service))
        .filter(
            span ->
                "catalogue.offers.v1".equals(span.attributes().get("messaging.destination.name")))
        .filter(which)
        .findFirst()
        .orElseThrow(() -> new AssertionError(service + ": no such span in " + trace));
  }

  private static boolean has(List<ReceivedSpan> spans, String service, String kind) {
    return spans.stream()
        .anyMatch(span -> span.service().equals(service) && span.kind().equals(kind));
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, String service, String kind) {
    List<ReceivedSpan> found =
        spans.stream()
            .filter(span -> span.service().equals(service) && span.kind().equals(kind))
            .toList();
    assertEquals(1, found.size(), service + " " + kind + ": " + found);
    return found.get(0);
  }

  private static boolean descendsFrom(
      ReceivedSpan span, ReceivedSpan ancestor, Map<String, ReceivedSpan> byId) {
    for (ReceivedSpan at = span; at != null; at = byId.get(at.parentSpanId())) {
      if (at.spanId().equals(ancestor.spanId())) {
        return true;
      }
    }
    return false;
  }

  private static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON);
  }

  private static Map<String, Object> offer(
      String title, OffsetDateTime start, double lat, double lon) {
    Map<String, Object> offer = new LinkedHashMap<>();
    offer.put("title", title);
    offer.put("description", "Ein Kurs der Volkshochschule für Erwachsene");
    offer.put("topics", List.of("DIGITAL_SKILLS"));
    offer.put("targetGroups", List.of("ADULTS"));
    offer.put("lifePhases", List.of("ADULTS"));
    offer.put("languages", List.of("de"));
    offer.put("modality", "ON_SITE");
    offer.put("cost", Map.of("kind", "FREE"));
    offer.put("status", "PUBLISHED");
    offer.put(
        "sessions",
        List.of(
            Map.of(
                "start", start.toString(),
                "end", start.plusHours(2).toString(),
                "location", Map.of("lat", lat, "lon", lon))));
    return offer;
  }

  private String contribute(String citizen, String text, String category) {
    return as(citizen)
        .body(Map.of("text", text, "category", category, "district", DISTRICT))
        .post("/participation/v1/dialogues/" + dialogue + "/contributions")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static void rate(String citizen, String contribution, int value) {
    as(citizen)
        .body(Map.of("value", value))
        .put("/participation/v1/contributions/" + contribution + "/rating")
        .then()
        .statusCode(200);
  }

  /**
   * An ERROR (or FATAL) line of the JSON log, or a line outside it that speaks of an error or
   * exception (in the prod profile only a crashing JVM writes such lines).
   */
  private static boolean isError(String line) {
    if (line.startsWith("{")) {
      return line.contains("\"level\":\"ERROR\"") || line.contains("\"level\":\"FATAL\"");
    }
    return line.toLowerCase(Locale.ROOT).matches(".*(error|exception).*");
  }

  private static String abbreviate(String line) {
    return line.length() <= 600 ? line : line.substring(0, 600) + "...";
  }

  private static BigDecimal perThousand(int count) {
    return BigDecimal.valueOf(count * 1000L).divide(BigDecimal.valueOf(INHABITANTS));
  }

  private static void awaitValue(String indicator, int period, BigDecimal expected) {
    await(indicator + " of " + DISTRICT + " in " + period + " = " + expected)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              BigDecimal value = districtTotal(indicator, period);
              return value != null && value.compareTo(expected) == 0;
            });
  }

  private static BigDecimal awaitAnyValue(String indicator, int period) {
    return await(indicator + " of " + DISTRICT + " in " + period)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> districtTotal(indicator, period), value -> value != null);
  }

  /** The district's total of the indicator in the year, unsuppressed (the analyst's view). */
  private static BigDecimal districtTotal(String indicator, int period) throws Exception {
    Response response =
        as("analyst1")
            .get(
                "/monitoring/v1/indicators/"
                    + indicator
                    + "/values?dimension=total&area="
                    + DISTRICT
                    + "&from="
                    + period
                    + "&to="
                    + period);
    assertEquals(200, response.statusCode(), response.asString());
    JsonNode values = JSON.readTree(response.asString()).path("values");
    for (JsonNode value : values) {
      if (DISTRICT.equals(value.path("area").asText()) && value.hasNonNull("value")) {
        return value.path("value").decimalValue();
      }
    }
    return null;
  }

  /** Great-circle distance (haversine, mean earth radius). */
  private static double kilometres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(a));
  }
}
