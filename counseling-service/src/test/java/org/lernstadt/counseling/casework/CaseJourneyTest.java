package org.lernstadt.counseling.casework;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.counseling.casework.event.CaseEvents;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Topics;

/**
 * A case through the school → training transition, end to end through the real servers: opened with
 * consents, sessions, biography entries, stages, a referral to a catalogue offer known from the
 * catalogue's events on the broker, its completion, the case closed; and every event on the broker
 * pseudonymous.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class CaseJourneyTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void schoolToTrainingFromIntakeToCompletedReferral() throws Exception {
    String name = CaseFixtures.plantedName();
    String offerId = UUID.randomUUID().toString();
    CaseFixtures.offerEvent(offerId, "PUBLISHED", 1);

    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, name);
    as("counselor1")
        .get("/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("person.name", is(name))
        .body("person.birthDate", is("2010-03-14"))
        .body("transition", is("SCHOOL_TO_WORK"))
        .body("stage", is("INTAKE"))
        .body("status", is("OPEN"))
        .body("ageBand", is("16-24"))
        .body("notes", org.hamcrest.Matchers.containsString(name))
        .body("consents.purpose", contains("COUNSELLING", "REFERRAL"));

    // Sessions, each with a one-time feedback token.
    for (String format : List.of("IN_PERSON", "VIDEO")) {
      as("counselor1")
          .body(
              Map.of(
                  "heldAt",
                  OffsetDateTime.now().minusHours(1).toString(),
                  "format",
                  format,
                  "durationMinutes",
                  45,
                  "topics",
                  List.of("career orientation"),
                  "note",
                  name + " talked about internships."))
          .post("/v1/cases/" + caseId + "/sessions")
          .then()
          .statusCode(201)
          .body("feedbackToken", notNullValue());
    }
    as("counselor1")
        .get("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(200)
        .body("$", hasSize(2))
        .body("note", hasItem(name + " talked about internships."));

    // Learning biography.
    for (String kind : List.of("MILESTONE", "COMPETENCE", "DISPOSITION")) {
      as("counselor1")
          .body(Map.of("kind", kind, "occurredOn", "2025-06-30", "content", kind + " of " + name))
          .post("/v1/cases/" + caseId + "/biography")
          .then()
          .statusCode(201)
          .body("content", is(kind + " of " + name));
    }
    as("counselor1")
        .get("/v1/cases/" + caseId + "/biography")
        .then()
        .body("kind", contains("MILESTONE", "COMPETENCE", "DISPOSITION"));

    // Stages; an unknown stage names the field.
    as("counselor1")
        .body(Map.of("stage", "ORIENTATION", "status", "ACTIVE"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("stage", is("ORIENTATION"));
    as("counselor1")
        .body(Map.of("stage", "NO_SUCH_STAGE"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("stage"));
    as("counselor1")
        .body(Map.of("stage", "APPLICATION"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(200);

    // The referral to the offer, once the read model has it.
    await()
        .atMost(WAIT)
        .until(
            () ->
                Fixtures.count(
                        "select count(*) from offer_ref where offer_id = ? and status = 'PUBLISHED'",
                        UUID.fromString(offerId))
                    == 1);
    String referralId =
        as("counselor1")
            .body(Map.of("targetKind", "OFFER", "offerId", offerId))
            .post("/v1/cases/" + caseId + "/referrals")
            .then()
            .statusCode(201)
            .body("status", is("PROPOSED"))
            .body("shared.name", is(name))
            .body("shared.contact", org.hamcrest.Matchers.nullValue())
            .extract()
            .path("id");
    // An offer the catalogue never published cannot be referred to.
    as("counselor1")
        .body(Map.of("targetKind", "OFFER", "offerId", UUID.randomUUID().toString()))
        .post("/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("offerId"));
    // The status machine: no jump from PROPOSED to COMPLETED.
    as("counselor1")
        .body(Map.of("status", "COMPLETED"))
        .patch("/v1/referrals/" + referralId)
        .then()
        .statusCode(409);
    for (String status : List.of("ACCEPTED", "STARTED", "COMPLETED")) {
      as("counselor1")
          .body(Map.of("status", status))
          .patch("/v1/referrals/" + referralId)
          .then()
          .statusCode(200)
          .body("status", is(status));
    }
    as("counselor1")
        .get("/v1/cases/" + caseId + "/referrals")
        .then()
        .body("[0].completedAt", notNullValue())
        .body("[0].acceptedAt", notNullValue());

    // Closing needs an outcome.
    as("counselor1")
        .body(Map.of("status", "CLOSED"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("outcome"));
    as("counselor1")
        .body(Map.of("stage", "TRAINING_STARTED", "status", "CLOSED", "outcome", "TRAINING"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("status", is("CLOSED"))
        .body("closedAt", notNullValue());

    // On the broker, in order: opened, 2 sessions, stage ORIENTATION, stage APPLICATION,
    // referral made and completed, stage TRAINING_STARTED, closed.
    Topics.awaitRecord(
        CaseEvents.TOPIC,
        r -> caseId.equals(r.key()) && CaseEvents.CLOSED.equals(Topics.header(r, "ce_type")),
        WAIT);
    List<ConsumerRecord<String, String>> mine =
        Topics.readToEnd(CaseEvents.TOPIC, WAIT).stream()
            .filter(r -> caseId.equals(r.key()))
            .toList();
    assertEquals(
        List.of(
            CaseEvents.OPENED,
            CaseEvents.SESSION_HELD,
            CaseEvents.SESSION_HELD,
            CaseEvents.STAGE_REACHED,
            CaseEvents.STAGE_REACHED,
            CaseEvents.REFERRAL_MADE,
            CaseEvents.REFERRAL_COMPLETED,
            CaseEvents.STAGE_REACHED,
            CaseEvents.CLOSED),
        mine.stream().map(r -> Topics.header(r, "ce_type")).toList());
    JsonNode opened = Fixtures.body(mine.get(0));
    assertEquals(CENTRE_1, opened.get("centreId").asText());
    assertEquals("SCHOOL_TO_WORK", opened.get("transition").asText());
    assertEquals("INTAKE", opened.get("stage").asText());
    assertEquals("01", opened.get("district").asText());
    assertEquals("16-24", opened.get("ageBand").asText());
    JsonNode completed = Fixtures.body(mine.get(6));
    assertEquals(referralId, completed.get("referralId").asText());
    assertEquals(offerId, completed.get("offerId").asText());
    assertEquals("OFFER", completed.get("targetKind").asText());
    JsonNode closed = Fixtures.body(mine.get(8));
    assertEquals("TRAINING", closed.get("outcome").asText());
    assertEquals("45", Fixtures.body(mine.get(1)).get("durationMinutes").asText());
    String personId =
        Fixtures.query(
                "select person_id from counselling_case where id = ?", UUID.fromString(caseId))
            .get(0)
            .get("person_id")
            .toString();
    for (ConsumerRecord<String, String> r : mine) {
      String all = Fixtures.everything(r);
      assertFalse(all.contains("Plantedname"), all);
      assertFalse(all.contains("carpenter"), all);
      assertFalse(all.contains(personId), "the person id is on the broker: " + all);
      assertNull(Fixtures.body(r).get("notes"));
    }
  }
}
