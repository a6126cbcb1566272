package org.lernstadt.counseling.privacy;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.CENTRE_2;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.counseling.booking.BookingEvents;
import org.lernstadt.counseling.casework.event.CaseEvents;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Topics;

/** Export, erasure and retention, checked in the raw tables and on the broker. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class PrivacyTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject RetentionJob retention;

  /** Every row of every table of the service's schema, as text. */
  private static String wholeDatabase() throws Exception {
    StringBuilder all = new StringBuilder();
    for (Map<String, Object> table :
        Fixtures.query(
            "select table_name from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE'")) {
      String name = (String) table.get("table_name");
      for (Map<String, Object> row :
          Fixtures.query("select row_to_json(t)::text as r from " + name + " t")) {
        all.append(name).append(": ").append(row.get("r")).append('\n');
      }
    }
    return all.toString();
  }

  private static String fullCase(String user, String centre, String name) {
    String caseId = CaseFixtures.openCase(user, centre, name);
    as(user)
        .body(
            Map.of(
                "heldAt",
                OffsetDateTime.now().minusHours(2).toString(),
                "format",
                "IN_PERSON",
                "durationMinutes",
                50,
                "note",
                "Session with " + name))
        .post("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(201);
    as(user)
        .body(
            Map.of(
                "kind", "DISPOSITION", "occurredOn", "2025-02-01", "content", name + " is curious"))
        .post("/v1/cases/" + caseId + "/biography")
        .then()
        .statusCode(201);
    as(user)
        .body(Map.of("targetKind", "INSTITUTION", "institution", "Volkshochschule"))
        .post("/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(201);
    return caseId;
  }

  @Test
  void theExportHoldsEverythingAboutThePerson() {
    String name = CaseFixtures.plantedName();
    String caseId = fullCase("counselor1", CENTRE_1, name);
    as("counselor1").get("/v1/cases/" + caseId).then().statusCode(200);

    JsonPath export =
        as("dpo1")
            .queryParam("purpose", "Art. 15 request 2026-044")
            .get("/v1/cases/" + caseId + "/export")
            .then()
            .statusCode(200)
            .body("person.name", is(name))
            .body("person.birthDate", is("2010-03-14"))
            .body("cases", hasSize(1))
            .body("cases[0].caseData.id", is(caseId))
            .body("cases[0].caseData.notes", org.hamcrest.Matchers.containsString(name))
            .body("cases[0].caseData.consents.purpose", hasItem("REFERRAL"))
            .body("cases[0].sessions[0].note", is("Session with " + name))
            .body("cases[0].biography[0].content", is(name + " is curious"))
            .body("cases[0].referrals[0].institution", is("Volkshochschule"))
            .body("cases[0].referrals[0].shared.name", is(name))
            .body("accessLog.action", hasItem("READ"))
            .body("accessLog.action", hasItem("SESSION_ADD"))
            .extract()
            .jsonPath();
    assertNotNull(export.get("personId"));
    // Missing purpose: refused, naming it.
    as("dpo1")
        .get("/v1/cases/" + caseId + "/export")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("purpose"));
    as("lead1")
        .queryParam("purpose", "x")
        .get("/v1/cases/" + caseId + "/export")
        .then()
        .statusCode(403);
    as("dpo1")
        .queryParam("caseId", caseId)
        .queryParam("purpose", "x")
        .get("/v1/audit")
        .then()
        .body("items.action", hasItem("EXPORT"));
  }

  @Test
  void erasureLeavesNothingReadableInTheTablesOrOnTheBroker() throws Exception {
    String name = CaseFixtures.plantedName();
    String first = fullCase("counselor1", CENTRE_1, name);
    String personId = as("counselor1").get("/v1/cases/" + first).then().extract().path("personId");
    // Even before erasure, the database holds the name only as ciphertext.
    String before = wholeDatabase();
    assertFalse(before.contains("Plantedname"), "a name in plain text in the database");
    assertFalse(before.contains("is curious"));
    assertFalse(before.contains("carpenter"));

    as("counselor1")
        .body(Map.of("status", "CLOSED", "outcome", "TRAINING"))
        .patch("/v1/cases/" + first)
        .then()
        .statusCode(200);
    as("counselor1").post("/v1/persons/" + personId + "/erasure").then().statusCode(403);
    as("dpo1")
        .body(Map.of("reason", "Art. 17 request 2026-051"))
        .post("/v1/persons/" + personId + "/erasure")
        .then()
        .statusCode(200)
        .body("erasedCases", hasItem(first))
        .body("keyDestroyed", is(true));

    // The raw tables: no key, no ciphertext, no session, biography, referral or consent left.
    Map<String, Object> person =
        Fixtures.query(
                "select wrapped_key, erased_at from person where id = ?", UUID.fromString(personId))
            .get(0);
    assertNull(person.get("wrapped_key"));
    assertNotNull(person.get("erased_at"));
    Map<String, Object> shell =
        Fixtures.query(
                "select status, person_data, notes, transition, district, age_band"
                    + " from counselling_case where id = ?",
                UUID.fromString(first))
            .get(0);
    assertEquals("ERASED", shell.get("status"));
    assertNull(shell.get("person_data"));
    assertNull(shell.get("notes"));
    assertEquals("SCHOOL_TO_WORK", shell.get("transition"));
    for (String table : List.of("case_session", "biography_entry", "referral", "consent")) {
      assertEquals(
          0,
          Fixtures.count(
              "select count(*) from " + table + " where case_id = ?", UUID.fromString(first)),
          table);
    }
    String after = wholeDatabase();
    assertFalse(after.contains("Plantedname"));
    as("counselor1").get("/v1/cases/" + first).then().statusCode(404);
    as("dpo1")
        .queryParam("purpose", "x")
        .get("/v1/cases/" + first + "/export")
        .then()
        .statusCode(404);
    // The audit remains, and records the erasure.
    as("dpo1")
        .queryParam("caseId", first)
        .get("/v1/audit")
        .then()
        .body("items.action", hasItem("ERASURE"));

    // On the broker: the erasure is an event, and no record anywhere carries the name.
    Topics.awaitRecord(
        CaseEvents.TOPIC,
        r -> first.equals(r.key()) && CaseEvents.ERASED.equals(Topics.header(r, "ce_type")),
        WAIT);
    for (String topic : List.of(CaseEvents.TOPIC, BookingEvents.TOPIC)) {
      for (ConsumerRecord<String, String> r : Topics.readToEnd(topic, WAIT)) {
        String all = Fixtures.everything(r);
        assertFalse(all.contains("Plantedname"), all);
        assertFalse(all.contains(personId), all);
      }
    }
  }

  @Test
  void theRetentionJobErasesCasesClosedLongerThanThePeriod() throws Exception {
    String closed = fullCase("counselor2", CENTRE_2, CaseFixtures.plantedName());
    String open = fullCase("counselor2", CENTRE_2, CaseFixtures.plantedName());
    as("counselor2")
        .body(Map.of("status", "CLOSED", "outcome", "EMPLOYMENT"))
        .patch("/v1/cases/" + closed)
        .then()
        .statusCode(200);

    // Nothing is old enough for the configured period.
    assertFalse(
        retention
            .eraseClosedBefore(OffsetDateTime.now().minusDays(730))
            .await()
            .atMost(WAIT)
            .contains(UUID.fromString(closed)));
    // With the cutoff after its closing, it is erased; the open case is untouched.
    List<UUID> erased =
        retention.eraseClosedBefore(OffsetDateTime.now().plusSeconds(1)).await().atMost(WAIT);
    assertTrue(erased.contains(UUID.fromString(closed)));
    assertFalse(erased.contains(UUID.fromString(open)));
    as("counselor2").get("/v1/cases/" + closed).then().statusCode(404);
    as("counselor2")
        .get("/v1/cases/" + open)
        .then()
        .statusCode(200)
        .body("person.name", notNullValue());
    assertNull(
        Fixtures.query(
                "select p.wrapped_key from person p join counselling_case c on c.person_id = p.id"
                    + " where c.id = ?",
                UUID.fromString(closed))
            .get(0)
            .get("wrapped_key"));
    assertEquals(
        1,
        Fixtures.count(
            "select count(*) from audit_entry where case_id = ? and action = 'ERASURE'"
                + " and purpose = 'RETENTION' and actor = 'system:retention'",
            UUID.fromString(closed)));
    Topics.awaitRecord(
        CaseEvents.TOPIC,
        r -> closed.equals(r.key()) && CaseEvents.ERASED.equals(Topics.header(r, "ce_type")),
        WAIT);
  }
}
