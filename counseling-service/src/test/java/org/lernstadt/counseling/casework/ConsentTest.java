package org.lernstadt.counseling.casework;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.LEAD_1;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.counseling.casework.event.CaseEvents;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Topics;

/** Processing for a purpose needs its consent; a lead may override, audited apart. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ConsentTest {

  private static Map<String, Object> session() {
    return Map.of(
        "heldAt",
        OffsetDateTime.now().minusMinutes(5).toString(),
        "format",
        "IN_PERSON",
        "durationMinutes",
        30,
        "note",
        "a note");
  }

  @Test
  void withdrawingTheConsentStopsProcessingForItsPurpose() throws Exception {
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
    as("counselor1")
        .body(session())
        .post("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(201);
    String counselling =
        as("counselor1")
            .get("/v1/cases/" + caseId + "/consents")
            .then()
            .statusCode(200)
            .extract()
            .path("find { it.purpose == 'COUNSELLING' }.id");

    as("counselor1")
        .post("/v1/cases/" + caseId + "/consents/" + counselling + "/withdrawal")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + counselling + "' }.withdrawnAt", notNullValue())
        .body("find { it.id == '" + counselling + "' }.withdrawnBy", is(Fixtures.COUNSELOR_1));

    as("counselor1")
        .body(session())
        .post("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(409)
        .body("title", is("Consent Required"));
    as("counselor1")
        .body(Map.of("kind", "MILESTONE", "occurredOn", "2025-01-01", "content", "x"))
        .post("/v1/cases/" + caseId + "/biography")
        .then()
        .statusCode(409);
    as("counselor1")
        .body(Map.of("stage", "ORIENTATION"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(409);
    assertEquals(
        1,
        Fixtures.count(
            "select count(*) from case_session where case_id = ?", UUID.fromString(caseId)));
    // Referring has a consent of its own, still valid: a referral, declined by the person.
    String referral =
        as("counselor1")
            .body(Map.of("targetKind", "INSTITUTION", "institution", "Handwerkskammer"))
            .post("/v1/cases/" + caseId + "/referrals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as("counselor1")
        .body(Map.of("status", "DECLINED"))
        .patch("/v1/referrals/" + referral)
        .then()
        .statusCode(200)
        .body("declinedAt", notNullValue());
    as("counselor1")
        .body(Map.of("status", "ACCEPTED"))
        .patch("/v1/referrals/" + referral)
        .then()
        .statusCode(409);
    var declined =
        Topics.awaitRecord(
            CaseEvents.TOPIC,
            r ->
                caseId.equals(r.key())
                    && CaseEvents.REFERRAL_DECLINED.equals(Topics.header(r, "ce_type")),
            Duration.ofSeconds(60));
    assertEquals("INSTITUTION", Fixtures.body(declined).get("targetKind").asText());
    assertTrue(Fixtures.body(declined).get("offerId").isNull());

    // A new consent lets processing go on.
    as("counselor1")
        .body(Map.of("purpose", "COUNSELLING", "legalBasis", "CONSENT"))
        .post("/v1/cases/" + caseId + "/consents")
        .then()
        .statusCode(201);
    as("counselor1")
        .body(session())
        .post("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(201);
  }

  @Test
  void referringWithoutConsentIsRefusedUnlessALeadOverridesWithAReason() throws Exception {
    String caseId =
        as("counselor1")
            .body(
                CaseFixtures.openBody(CENTRE_1, CaseFixtures.plantedName(), List.of("COUNSELLING")))
            .post("/v1/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, String> referral =
        Map.of("targetKind", "INSTITUTION", "institution", "Jugendberufsagentur");
    as("counselor1")
        .body(referral)
        .post("/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(409);
    // A counsellor cannot override.
    as("counselor1")
        .header("Consent-Override-Reason", "urgent")
        .body(referral)
        .post("/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(403);
    // The lead can, with a reason; the referral shares nothing without a consent naming fields.
    as("lead1")
        .header("Consent-Override-Reason", "Youth welfare emergency, file 2026-17")
        .body(referral)
        .post("/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(201)
        .body("shared.size()", is(0));
    List<Map<String, Object>> overrides =
        Fixtures.query(
            "select purpose, action, reason, actor from consent_override where case_id = ?",
            UUID.fromString(caseId));
    assertEquals(1, overrides.size());
    assertEquals("REFERRAL", overrides.get(0).get("purpose"));
    assertEquals("REFERRAL_MAKE", overrides.get(0).get("action"));
    assertEquals("Youth welfare emergency, file 2026-17", overrides.get(0).get("reason"));
    assertEquals(LEAD_1, overrides.get(0).get("actor"));
    as("dpo1")
        .queryParam("caseId", caseId)
        .get("/v1/audit")
        .then()
        .body("items.findAll { it.outcome == 'OVERRIDE' }.actor", hasItem(LEAD_1))
        .body("items.findAll { it.outcome == 'OVERRIDE' }.role", hasItem("counseling-lead"));
  }

  @Test
  void aCaseIsOpenedOnlyWithACounsellingConsentOrALeadsOverride() {
    as("counselor1")
        .body(CaseFixtures.openBody(CENTRE_1, CaseFixtures.plantedName(), List.of()))
        .post("/v1/cases")
        .then()
        .statusCode(409);
    as("lead1")
        .header("Consent-Override-Reason", "Child protection duty")
        .body(CaseFixtures.openBody(CENTRE_1, CaseFixtures.plantedName(), List.of()))
        .post("/v1/cases")
        .then()
        .statusCode(201);
    as("counselor1")
        .body(
            Map.of(
                "centreId",
                CENTRE_1,
                "transition",
                "OTHER",
                "person",
                Map.of("name", "B"),
                "consents",
                List.of(
                    Map.of(
                        "purpose", "COUNSELLING",
                        "legalBasis", "CONSENT",
                        "sharedFields", List.of("NAME")))))
        .post("/v1/cases")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("sharedFields"));
  }
}
