package org.lernstadt.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.Topics;

/**
 * A planted unique name and note in a counselling case never leave the counselling service in
 * readable form: not on any topic, in any service's log, in any public answer; after the DPO's
 * erasure not in any table of the counselling database either; and every read of the case was
 * audited.
 */
class PrivacyTest {

  private static final Duration WAIT = Duration.ofMinutes(1);
  private static final String COUNSELOR_1 = "00000000-0000-4000-8000-000000000201";

  @Test
  void aPlantedNameAndNoteLeaveNoReadableTraceAndEveryReadIsAudited() throws Exception {
    Platform.start();
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String name = "Quxfoo Plantname" + marker;
    String note = "Plantnote" + marker + " wants to repair bicycles";
    String centre = UUID.randomUUID().toString();
    as("admin1")
        .body(
            Map.of(
                "name",
                "Beratung " + marker,
                "district",
                "01",
                "languages",
                List.of("de"),
                "topics",
                List.of("SCHOOL_TO_WORK")))
        .put("/v1/centres/" + centre)
        .then()
        .statusCode(200);
    as("admin1")
        .body(Map.of("lead", false))
        .put("/v1/centres/" + centre + "/members/" + COUNSELOR_1)
        .then()
        .statusCode(204);
    String caseId =
        as("counselor1")
            .body(
                Map.of(
                    "centreId",
                    centre,
                    "transition",
                    "SCHOOL_TO_WORK",
                    "district",
                    "01",
                    "person",
                    Map.of(
                        "name",
                        name,
                        "birthDate",
                        "2009-05-02",
                        "contact",
                        "plant" + marker + "@example.org"),
                    "notes",
                    note,
                    "consents",
                    List.of(Map.of("purpose", "COUNSELLING", "legalBasis", "CONSENT"))))
            .post("/v1/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("counselor1")
        .body(
            Map.of(
                "heldAt",
                OffsetDateTime.now().minusHours(1).toString(),
                "format",
                "IN_PERSON",
                "durationMinutes",
                45,
                "note",
                note + " (session)"))
        .post("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(201);

    // Reads: each one must leave an audit entry.
    String audited = "select count(*) from audit_entry where case_id = ?::uuid and action = ?";
    long readsBefore = Platform.count(Platform.COUNSELING_DB, audited, caseId, "READ");
    long listsBefore = Platform.count(Platform.COUNSELING_DB, audited, caseId, "LIST");
    int reads = 5;
    String personId = null;
    for (int i = 0; i < reads; i++) {
      personId =
          as("counselor1")
              .get("/v1/cases/" + caseId)
              .then()
              .statusCode(200)
              .extract()
              .path("personId");
    }
    as("counselor1").queryParam("centreId", centre).get("/v1/cases").then().statusCode(200);
    long readsAudited =
        Platform.count(Platform.COUNSELING_DB, audited, caseId, "READ") - readsBefore;
    long listsAudited =
        Platform.count(Platform.COUNSELING_DB, audited, caseId, "LIST") - listsBefore;
    assertEquals(reads, readsAudited, "audited reads of the case");
    assertEquals(1, listsAudited, "audited list pages showing the case");

    // Outside the counselling service's tables, nothing carries the name or the note.
    List<String> planted = List.of("Plantname" + marker, "Plantnote" + marker);
    int recordsScanned = assertNotOnAnyTopic(planted);
    assertNotInLogs(planted);
    assertNotPublic(planted, centre);
    assertNotInTables(planted);

    as("dpo1")
        .body(Map.of("reason", "Art. 17 request " + marker))
        .post("/v1/persons/" + personId + "/erasure")
        .then()
        .statusCode(200);
    assertNotInTables(planted);
    String erasedCipher =
        "select count(*) from counselling_case where id = ?::uuid"
            + " and (person_data is not null or notes is not null)";
    assertEquals(0, Platform.count(Platform.COUNSELING_DB, erasedCipher, caseId));
    assertEquals(
        0,
        Platform.count(
            Platform.COUNSELING_DB,
            "select count(*) from person where id = ?::uuid and wrapped_key is not null",
            personId));
    Topics.awaitRecord(
        "counseling.cases.v1",
        r ->
            caseId.equals(r.key())
                && "org.lernstadt.counseling.case.erased.v1".equals(Topics.header(r, "ce_type")),
        WAIT);
    recordsScanned += assertNotOnAnyTopic(planted);
    assertNotInLogs(planted);
    Figures.record(
        "PrivacyTest",
        recordsScanned
            + " records on every topic and the logs of "
            + logs().size()
            + " service processes scanned, 0 carry the planted name or note; "
            + reads
            + " reads and 1 list: "
            + readsAudited
            + " READ and "
            + listsAudited
            + " LIST audit entries; after erasure 0 readable rows");
  }

  private static RequestSpecification as(String user) {
    return RestAssured.given()
        .baseUri(Platform.counseling().url().toString())
        .auth()
        .oauth2(Tokens.forUser(user))
        .contentType(ContentType.JSON);
  }

  /** Keys, values and headers of every record on every topic; returns how many were read. */
  private static int assertNotOnAnyTopic(List<String> planted) throws Exception {
    Set<String> topics;
    try (Admin admin = Admin.create(KafkaTestResource.server().clientConfig())) {
      topics = admin.listTopics().names().get();
    }
    int scanned = 0;
    for (String topic : topics) {
      for (ConsumerRecord<String, String> r : Topics.readToEnd(topic, WAIT)) {
        StringBuilder all = new StringBuilder().append(r.key()).append(r.value());
        for (Header h : r.headers()) {
          all.append(h.key()).append(new String(h.value()));
        }
        for (String p : planted) {
          assertFalse(all.toString().contains(p), topic + " carries " + p);
        }
        scanned++;
      }
    }
    return scanned;
  }

  private static List<Path> logs() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("target", "service-logs"))) {
      return files.toList();
    }
  }

  private static void assertNotInLogs(List<String> planted) throws Exception {
    List<Path> logs = logs();
    assertTrue(logs.size() >= 3, "logs of the services: " + logs);
    for (Path log : logs) {
      String text = Files.readString(log);
      for (String p : planted) {
        assertFalse(text.contains(p), log + " carries " + p);
      }
    }
  }

  /** What anyone can read: centres, the monitoring's values and report, the offer search. */
  private static void assertNotPublic(List<String> planted, String centre) {
    List<String> answers = new ArrayList<>();
    String counseling = Platform.counseling().url().toString();
    String monitoring = Platform.monitoring().url().toString();
    answers.add(RestAssured.given().baseUri(counseling).get("/v1/centres").asString());
    answers.add(RestAssured.given().baseUri(counseling).get("/v1/centres/" + centre).asString());
    answers.add(
        RestAssured.given()
            .baseUri(monitoring)
            .get("/v1/indicators/COUNSELLING_CASES_OPENED/values")
            .asString());
    answers.add(
        RestAssured.given()
            .baseUri(monitoring)
            .get("/v1/reports/" + OffsetDateTime.now().getYear())
            .asString());
    answers.add(
        RestAssured.given()
            .baseUri(Platform.catalogue().url().toString())
            .queryParam("q", planted.getFirst())
            .get("/v1/offers")
            .asString());
    for (String answer : answers) {
      for (String p : planted) {
        assertFalse(answer.contains(p), "a public answer carries " + p);
      }
    }
  }

  /** Every row of every table of the counselling database, as text. */
  private static void assertNotInTables(List<String> planted) {
    for (String table :
        Platform.column(
            Platform.COUNSELING_DB,
            "select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
      for (String row :
          Platform.column(
              Platform.COUNSELING_DB, "select row_to_json(t)::text from " + table + " t")) {
        for (String p : planted) {
          assertFalse(row.contains(p), table + " holds " + p + " readable");
        }
      }
    }
  }
}
