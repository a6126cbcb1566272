package org.lernstadt.monitoring.live;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.monitoring.Fixtures.admin;
import static org.lernstadt.monitoring.Fixtures.analyst;
import static org.lernstadt.monitoring.Fixtures.cloudEvent;
import static org.lernstadt.monitoring.Fixtures.district;
import static org.lernstadt.monitoring.Fixtures.importCsv;
import static org.lernstadt.monitoring.Fixtures.year;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Topics;

/**
 * Indicators computed from CloudEvents produced on the real broker, as the other services' outbox
 * relays send them, against numbers worked out by hand; duplicates change nothing and a rebuild
 * from offset 0 gives the same numbers.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class LiveIndicatorsTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OFFERS = "catalogue.offers.v1";
  private static final String CASES = "counseling.cases.v1";
  private static final String BOOKINGS = "counseling.bookings.v1";
  private static final String DIALOGUES = "participation.dialogues.v1";
  private static final String EVENTS = "participation.events.v1";
  private static final String CAT = "org.lernstadt.catalogue.";
  private static final String COUNS = "org.lernstadt.counseling.";
  private static final String PART = "org.lernstadt.participation.";

  private String d;
  private int y;
  private final List<ProducerRecord<String, String>> sent = new ArrayList<>();
  private ProducerRecord<String, String> firstOpened;

  @Test
  void eventsBecomeTheHandComputedIndicatorsDuplicatesChangeNothingAndARebuildAgrees()
      throws Exception {
    d = district("live");
    y = year();
    // inhabitants: 2,000 in all, 400 aged 65+, 500 aged 25-44
    importCsv(
            "area,year,ageBand,persons\n"
                + d
                + ","
                + y
                + ",TOTAL,2000\n"
                + d
                + ","
                + y
                + ",65+,400\n"
                + d
                + ","
                + y
                + ",25-44,500\n",
            false)
        .statusCode(200);

    // offers: o1 free, languages + digital, for seniors; o2 languages, for parents; o3 free, ESD;
    // o4 culture, published then withdrawn. Public: 3.
    String o1 =
        offer(
            "published",
            1,
            List.of("LANGUAGES", "DIGITAL_SKILLS"),
            List.of("SENIORS"),
            List.of("SENIORS"),
            true);
    offer(
        o1,
        "updated",
        2,
        List.of("LANGUAGES", "DIGITAL_SKILLS"),
        List.of("SENIORS"),
        List.of("SENIORS"),
        true);
    offer("published", 1, List.of("LANGUAGES"), List.of("PARENTS"), List.of(), false);
    offer("published", 1, List.of("SUSTAINABLE_DEVELOPMENT"), List.of("ADULTS"), List.of(), true);
    String o4 = offer("published", 1, List.of("CULTURE"), List.of("ADULTS"), List.of(), false);
    offer(o4, "withdrawn", 2, List.of("CULTURE"), List.of("ADULTS"), List.of(), false);

    // counselling: 3 cases school-to-work, 2 re-entry; one closed; 4 referrals, 3 completed
    List<String> cases = new ArrayList<>();
    for (String transition :
        List.of(
            "SCHOOL_TO_WORK",
            "SCHOOL_TO_WORK",
            "SCHOOL_TO_WORK",
            "REENTRY_INTO_WORK",
            "REENTRY_INTO_WORK")) {
      String caseId = UUID.randomUUID().toString();
      cases.add(caseId);
      ProducerRecord<String, String> record =
          send(CASES, caseId, COUNS + "case.opened.v1", caseBody(caseId, transition));
      if (firstOpened == null) {
        firstOpened = record;
      }
    }
    Map<String, Object> closed = caseBody(cases.get(1), "SCHOOL_TO_WORK");
    closed.put("outcome", "TRAINING");
    closed.put("openedAt", y + "-03-01T09:00:00Z");
    send(CASES, cases.get(1), COUNS + "case.closed.v1", closed);
    for (int i = 0; i < 4; i++) {
      String referral = UUID.randomUUID().toString();
      Map<String, Object> body = referralBody(referral, cases.get(i));
      send(CASES, cases.get(i), COUNS + "referral.made.v1", body);
      if (i < 3) {
        send(CASES, cases.get(i), COUNS + "referral.completed.v1", body);
      }
    }
    // bookings: waiting 3, 10 and 5 days; a fourth (1 day) is cancelled. Mean 18 / 3 = 6.0
    booking(y + "-02-01T10:00:00Z", y + "-02-04T10:00:00Z", false);
    booking(y + "-02-01T10:00:00Z", y + "-02-11T10:00:00Z", false);
    booking(y + "-02-02T08:00:00Z", y + "-02-07T08:00:00Z", false);
    booking(y + "-02-02T08:00:00Z", y + "-02-03T08:00:00Z", true);

    // participation: contributions g1/p1 ×2, g1/p2 ×2, g2/p1 ×1 = 5; comments g1/p3, g1/p1.
    // Participants per dialogue: g1 {p1, p2, p3}, g2 {p1} = 4
    String g1 = UUID.randomUUID().toString();
    String g2 = UUID.randomUUID().toString();
    contribution(g1, "p1");
    contribution(g1, "p1");
    contribution(g1, "p2");
    contribution(g1, "p2");
    contribution(g2, "p1");
    comment(g1, "p3");
    comment(g1, "p1");
    // attendance: e1 reported 40 then corrected to 45, e2 15: 60
    String e1 = UUID.randomUUID().toString();
    attended(e1, 40, y + "-05-01T18:00:00Z");
    attended(e1, 45, y + "-05-02T09:00:00Z");
    attended(UUID.randomUUID().toString(), 15, y + "-05-03T18:00:00Z");
    // survey: 10 of 40 learn in a library, satisfaction mean 3.5 of 40
    survey();

    Topics.produce(sent.toArray(ProducerRecord[]::new));

    Map<String, Object> expected = new TreeMap<>();
    expected.put("OFFERS_PER_1000", 1.50f); // 3 / 2000 × 1000
    expected.put("OFFERS_PER_1000/topic=LANGUAGES", 1.00f); // 2 / 2000 × 1000
    expected.put("OFFERS_PER_1000/topic=DIGITAL_SKILLS", 0.50f);
    expected.put("OFFERS_PER_1000/topic=SUSTAINABLE_DEVELOPMENT", 0.50f);
    expected.put("OFFERS_PER_1000/topic=CULTURE", 0.00f); // withdrawn: back to 0
    expected.put("FREE_OFFERS_SHARE", 66.7f); // 2 / 3
    expected.put("SENIOR_OFFERS_PER_1000", 2.50f); // 1 / 400 × 1000
    expected.put("PARENT_OFFERS_PER_1000", 2.00f); // 1 / 500 × 1000
    expected.put("ESD_OFFERS_SHARE", 33.3f); // 1 / 3
    expected.put("COUNSELLING_CASES_OPENED", 5);
    expected.put("COUNSELLING_CASES_OPENED/transition=SCHOOL_TO_WORK", 3);
    expected.put("COUNSELLING_CASES_OPENED/transition=REENTRY_INTO_WORK", 2);
    expected.put("COUNSELLING_CASES_CLOSED", 1);
    expected.put("COUNSELLING_CASES_CLOSED/transition=SCHOOL_TO_WORK", 1);
    expected.put("REFERRAL_COMPLETION_RATE", 75.0f); // 3 / 4
    expected.put("WAITING_DAYS_FIRST_APPOINTMENT", 6.0f);
    expected.put("CONTRIBUTIONS_PER_1000", 2.50f); // 5 / 2000 × 1000
    expected.put("PARTICIPANTS_PER_1000", 2.00f); // 4 / 2000 × 1000
    expected.put("EVENT_ATTENDANCE_PER_1000", 30.00f); // 60 / 2000 × 1000
    expected.put("LEARNS_IN_LIBRARY_SHARE", 25.0f); // 10 / 40
    expected.put("LEARNING_SATISFACTION", 3.50f);

    await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, snapshot()));
    Map<String, Object> before = snapshot();

    // the value and its numbers are published for analysts
    ConsumerRecord<String, String> update =
        Topics.awaitRecord(
            "monitoring.indicators.v1",
            r -> ("OFFERS_PER_1000/" + d).equals(r.key()) && valueOf(r) == 1.5,
            WAIT);
    JsonNode body = JSON.readTree(update.value());
    assertEquals(3, body.get("numerator").asInt());
    assertEquals(2000, body.get("denominator").asInt());
    assertEquals(
        "org.lernstadt.monitoring.indicator.value-updated.v1", Topics.header(update, "ce_type"));

    // a duplicate delivery (same event id) changes nothing; the later close of the same case (same
    // key, so after it in its partition) shows the duplicate has been processed
    ProducerRecord<String, String> opened = firstOpened;
    Map<String, Object> closeFirst = caseBody(cases.getFirst(), "SCHOOL_TO_WORK");
    closeFirst.put("outcome", "STUDY");
    closeFirst.put("openedAt", y + "-03-01T09:00:00Z");
    Topics.produce(
        copy(opened),
        cloudEvent(
            CASES,
            cases.getFirst(),
            COUNS + "case.closed.v1",
            UUID.randomUUID().toString(),
            JSON.writeValueAsString(closeFirst)));
    expected.put("COUNSELLING_CASES_CLOSED", 2);
    expected.put("COUNSELLING_CASES_CLOSED/transition=SCHOOL_TO_WORK", 2);
    await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, snapshot()));

    // rebuild: facts and computed values are forgotten and the topics replayed from offset 0
    given().auth().oauth2(admin()).post("/v1/admin/rebuild").then().statusCode(200);
    await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertEquals(expected, snapshot()));
    assertEquals(before.size(), snapshot().size());
  }

  @Test
  void unreadableRecordsGoToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
    String bad = UUID.randomUUID().toString();
    ProducerRecord<String, String> noType =
        new ProducerRecord<>(CASES, bad, "{\"caseId\":\"" + bad + "\"}");
    noType
        .headers()
        .add("ce_specversion", "1.0".getBytes())
        .add("ce_id", bad.getBytes())
        .add("ce_source", "/x".getBytes());
    String badDistrict = UUID.randomUUID().toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseId", badDistrict);
    body.put("centreId", UUID.randomUUID().toString());
    body.put("transition", "OTHER");
    body.put("stage", "INTAKE");
    body.put("district", "\"}; drop table area; --");
    body.put("ageBand", "25-44");
    body.put("occurredAt", "2030-01-01T10:00:00Z");
    Topics.produce(
        noType,
        cloudEvent(
            CASES,
            badDistrict,
            COUNS + "case.opened.v1",
            badDistrict,
            JSON.writeValueAsString(body)));
    Topics.awaitRecord("monitoring.dead-letter.v1", r -> bad.equals(r.key()), WAIT);
    ConsumerRecord<String, String> refused =
        Topics.awaitRecord("monitoring.dead-letter.v1", r -> badDistrict.equals(r.key()), WAIT);
    assertEquals(
        "district '\"}; drop table area; --' is not a code",
        Topics.header(refused, "dead-letter-reason"));
  }

  private static double valueOf(ConsumerRecord<String, String> r) {
    try {
      JsonNode body = JSON.readTree(r.value());
      return body.get("dimension").asText().isEmpty() ? body.get("value").asDouble() : -1;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProducerRecord<String, String> copy(ProducerRecord<String, String> r) {
    ProducerRecord<String, String> copy = new ProducerRecord<>(r.topic(), r.key(), r.value());
    r.headers().forEach(h -> copy.headers().add(h.key(), h.value()));
    return copy;
  }

  /** Every value of district d in year y, as analysts see them: "CODE[/dimension=category]". */
  private Map<String, Object> snapshot() {
    Map<String, Object> values = new TreeMap<>();
    for (String code :
        List.of(
            "OFFERS_PER_1000",
            "FREE_OFFERS_SHARE",
            "SENIOR_OFFERS_PER_1000",
            "PARENT_OFFERS_PER_1000",
            "ESD_OFFERS_SHARE",
            "COUNSELLING_CASES_OPENED",
            "COUNSELLING_CASES_CLOSED",
            "REFERRAL_COMPLETION_RATE",
            "WAITING_DAYS_FIRST_APPOINTMENT",
            "CONTRIBUTIONS_PER_1000",
            "PARTICIPANTS_PER_1000",
            "EVENT_ATTENDANCE_PER_1000",
            "LEARNS_IN_LIBRARY_SHARE",
            "LEARNING_SATISFACTION")) {
      JsonPath body =
          given()
              .auth()
              .oauth2(analyst())
              .queryParam("area", d)
              .queryParam("from", y)
              .queryParam("to", y)
              .get("/v1/indicators/" + code + "/values")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> list = body.getList("values");
      for (Map<String, Object> v : list) {
        String dim = (String) v.get("dimension");
        values.put(
            code + (dim.isEmpty() ? "" : "/" + dim + "=" + v.get("category")), v.get("value"));
      }
    }
    return values;
  }

  private String offer(
      String kind,
      int version,
      List<String> topics,
      List<String> phases,
      List<String> groups,
      boolean free)
      throws Exception {
    return offer(UUID.randomUUID().toString(), kind, version, topics, phases, groups, free);
  }

  private String offer(
      String id,
      String kind,
      int version,
      List<String> topics,
      List<String> phases,
      List<String> groups,
      boolean free)
      throws Exception {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("offerId", id);
    b.put("providerId", UUID.randomUUID().toString());
    b.put("externalId", "ext-" + id);
    b.put("status", kind.equals("withdrawn") ? "WITHDRAWN" : "PUBLISHED");
    b.put("version", version);
    b.put("topics", topics);
    b.put("sdgs", List.of());
    b.put("targetGroups", groups);
    b.put("lifePhases", phases);
    b.put("districts", List.of(d));
    b.put("modality", "ON_SITE");
    b.put("costKind", free ? "FREE" : "FEE");
    b.put("free", free);
    b.put("firstStart", y + "-03-01T17:00:00Z");
    b.put("lastEnd", y + "-03-29T19:00:00Z");
    b.put("sessionCount", 4);
    b.put("changedFields", List.of());
    send(OFFERS, id, CAT + "offer." + kind + ".v1", b);
    return id;
  }

  private Map<String, Object> caseBody(String caseId, String transition) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("caseId", caseId);
    b.put("centreId", "00000000-0000-4000-8000-00000000c001");
    b.put("transition", transition);
    b.put("stage", "INTAKE");
    b.put("district", d);
    b.put("ageBand", "16-24");
    b.put("occurredAt", y + "-03-01T09:00:00Z");
    return b;
  }

  private Map<String, Object> referralBody(String referralId, String caseId) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("referralId", referralId);
    b.put("caseId", caseId);
    b.put("centreId", "00000000-0000-4000-8000-00000000c001");
    b.put("transition", "SCHOOL_TO_WORK");
    b.put("district", d);
    b.put("ageBand", "16-24");
    b.put("targetKind", "OFFER");
    b.put("offerId", null);
    b.put("occurredAt", y + "-04-01T09:00:00Z");
    return b;
  }

  private void booking(String bookedAt, String slotStart, boolean cancel) throws Exception {
    String id = UUID.randomUUID().toString();
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("bookingId", id);
    b.put("centreId", "00000000-0000-4000-8000-00000000c001");
    b.put("district", d);
    b.put("format", "IN_PERSON");
    b.put("slotStart", slotStart);
    b.put("bookedAt", bookedAt);
    b.put("occurredAt", bookedAt);
    send(BOOKINGS, id, COUNS + "booking.made.v1", b);
    if (cancel) {
      b.remove("format");
      b.remove("bookedAt");
      send(BOOKINGS, id, COUNS + "booking.cancelled.v1", b);
    }
  }

  private void contribution(String dialogue, String participant) throws Exception {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("dialogueId", dialogue);
    b.put("contributionId", UUID.randomUUID().toString());
    b.put("category", "PLACE");
    b.put("district", d);
    b.put("participant", participant + "-" + dialogue.substring(0, 4));
    b.put("occurredAt", y + "-04-10T12:00:00Z");
    send(DIALOGUES, dialogue, PART + "contribution.submitted.v1", b);
  }

  private void comment(String dialogue, String participant) throws Exception {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("dialogueId", dialogue);
    b.put("contributionId", UUID.randomUUID().toString());
    b.put("commentId", UUID.randomUUID().toString());
    b.put("district", d);
    b.put("participant", participant + "-" + dialogue.substring(0, 4));
    b.put("occurredAt", y + "-04-11T12:00:00Z");
    send(DIALOGUES, dialogue, PART + "comment.posted.v1", b);
  }

  private void attended(String eventId, int attendance, String at) throws Exception {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("eventId", eventId);
    b.put("dialogueId", null);
    b.put("district", d);
    b.put("attendance", attendance);
    b.put("occurredAt", at);
    send(EVENTS, eventId, PART + "event.attended.v1", b);
  }

  private void survey() throws Exception {
    String dialogue = UUID.randomUUID().toString();
    Map<String, Object> library =
        Map.of(
            "questionId",
            UUID.randomUUID().toString(),
            "code",
            "learns_in_library",
            "kind",
            "CHOICE",
            "perDistrict",
            List.of(
                Map.of(
                    "district",
                    d,
                    "responses",
                    40,
                    "suppressed",
                    false,
                    "values",
                    Map.of("yes", 10, "no", 30)),
                Map.of("district", "elsewhere", "responses", 3, "suppressed", true)));
    Map<String, Object> satisfaction =
        Map.of(
            "questionId",
            UUID.randomUUID().toString(),
            "code",
            "satisfaction",
            "kind",
            "SCALE",
            "perDistrict",
            List.of(Map.of("district", d, "responses", 40, "suppressed", false, "mean", 3.5)));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("dialogueId", dialogue);
    b.put("surveyId", UUID.randomUUID().toString());
    b.put("publishedAt", y + "-06-01T10:00:00Z");
    b.put("occurredAt", y + "-06-01T10:00:00Z");
    b.put("questions", List.of(library, satisfaction));
    send(DIALOGUES, dialogue, PART + "survey.results-published.v1", b);
  }

  private ProducerRecord<String, String> send(
      String topic, String key, String type, Map<String, Object> body) throws Exception {
    ProducerRecord<String, String> record =
        cloudEvent(topic, key, type, UUID.randomUUID().toString(), JSON.writeValueAsString(body));
    sent.add(record);
    return record;
  }
}
