package org.lernstadt.counseling.casework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.CENTRE_2;
import static org.lernstadt.counseling.Fixtures.COUNSELOR_1;
import static org.lernstadt.counseling.Fixtures.COUNSELOR_2;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Who reaches which case, and the audit of every access, allowed or not. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class CaseAccessTest {

  private static long audits(String caseId, String actor, String action, String outcome)
      throws Exception {
    return Fixtures.count(
        "select count(*) from audit_entry where case_id = ? and actor = ? and action = ?"
            + " and outcome = ?",
        UUID.fromString(caseId),
        actor,
        action,
        outcome);
  }

  @Test
  void aCounsellorOfAnotherCentreFindsNothingAndTheAttemptIsAudited() throws Exception {
    String name = CaseFixtures.plantedName();
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, name);

    as("counselor2").get("/v1/cases/" + caseId).then().statusCode(404);
    as("counselor2")
        .body(Map.of("notes", "overwritten"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(404);
    as("counselor2")
        .body(
            Map.of(
                "heldAt",
                OffsetDateTime.now().toString(),
                "format",
                "PHONE",
                "durationMinutes",
                10))
        .post("/v1/cases/" + caseId + "/sessions")
        .then()
        .statusCode(404);
    as("counselor2").get("/v1/cases/" + caseId + "/biography").then().statusCode(404);
    // A case id that does not exist answers the same: nothing to learn from the status.
    as("counselor2").get("/v1/cases/" + UUID.randomUUID()).then().statusCode(404);

    assertEquals(1, audits(caseId, COUNSELOR_2, "READ", "DENIED"));
    assertEquals(1, audits(caseId, COUNSELOR_2, "UPDATE", "DENIED"));
    assertEquals(1, audits(caseId, COUNSELOR_2, "SESSION_ADD", "DENIED"));
    assertEquals(1, audits(caseId, COUNSELOR_2, "BIOGRAPHY_READ", "DENIED"));
    // Nothing changed.
    as("counselor1")
        .get("/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("notes", not(is("overwritten")));
    assertEquals(
        0,
        Fixtures.count(
            "select count(*) from case_session where case_id = ?", UUID.fromString(caseId)));

    // The DPO and the lead of the centre see the refused attempts in the case's access log.
    for (String reviewer : List.of("dpo1", "lead1")) {
      as(reviewer)
          .queryParam("caseId", caseId)
          .get("/v1/audit")
          .then()
          .statusCode(200)
          .body("items.findAll { it.outcome == 'DENIED' }.actor", everyItem(is(COUNSELOR_2)))
          .body("items.findAll { it.outcome == 'DENIED' }.role", everyItem(is("counselor")))
          .body("items.findAll { it.outcome == 'ALLOWED' }.action", hasItem("CASE_OPEN"));
    }
  }

  @Test
  void rolesOutsideCounsellingSeeNoCaseData() {
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
    as("dpo1").get("/v1/cases/" + caseId).then().statusCode(403);
    as("dpo1").get("/v1/cases/" + caseId + "/sessions").then().statusCode(403);
    as("citizen1").get("/v1/cases/" + caseId).then().statusCode(403);
    as("analyst1").get("/v1/cases").then().statusCode(403);
    given().get("/v1/cases/" + caseId).then().statusCode(401);
    as("counselor1").get("/v1/audit").then().statusCode(403);
    as("citizen1").get("/v1/audit").then().statusCode(403);
    as("counselor1").get("/v1/cases/" + caseId + "/export?purpose=x").then().statusCode(403);
  }

  @Test
  void eachCounsellorListsOnlyTheirCentresCasesAndTheLeadBoth() throws Exception {
    String one = CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
    String two = CaseFixtures.openCase("counselor2", CENTRE_2, CaseFixtures.plantedName());

    as("counselor1")
        .queryParam("limit", 200)
        .get("/v1/cases")
        .then()
        .statusCode(200)
        .body("items.centreId", everyItem(is(CENTRE_1)))
        .body("items.id", hasItem(one))
        .body("items.id", not(hasItem(two)));
    as("counselor2")
        .queryParam("limit", 200)
        .get("/v1/cases")
        .then()
        .body("items.centreId", everyItem(is(CENTRE_2)))
        .body("items.id", hasItem(two));
    as("lead1")
        .queryParam("limit", 200)
        .get("/v1/cases")
        .then()
        .body("items.id", hasItem(one))
        .body("items.id", hasItem(two));
    as("counselor1").queryParam("centreId", CENTRE_2).get("/v1/cases").then().statusCode(403);
    // Listing is reading: each listed case is audited.
    assertTrue(audits(one, COUNSELOR_1, "LIST", "ALLOWED") >= 1);
    // The same with filters and pages.
    as("counselor1")
        .body(Map.of("status", "PAUSED"))
        .patch("/v1/cases/" + one)
        .then()
        .statusCode(200);
    as("counselor1")
        .queryParam("status", "PAUSED")
        .queryParam("transition", "SCHOOL_TO_WORK")
        .queryParam("stage", "INTAKE")
        .get("/v1/cases")
        .then()
        .body("items.id", hasItem(one))
        .body("items.status", everyItem(is("PAUSED")));
    as("counselor1")
        .queryParam("transition", "NOT_A_TRANSITION")
        .get("/v1/cases")
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(is(400), is(404)));
    String next =
        as("counselor1")
            .queryParam("limit", 1)
            .get("/v1/cases")
            .then()
            .statusCode(200)
            .body("items.size()", is(1))
            .extract()
            .path("next");
    as("counselor1")
        .queryParam("limit", 1)
        .queryParam("cursor", next)
        .get("/v1/cases")
        .then()
        .statusCode(200)
        .body("items.size()", is(1));
  }

  @Test
  void everyReadIsAuditedAndAFailedAuditFailsTheRequest() throws Exception {
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
    long before = audits(caseId, COUNSELOR_1, "READ", "ALLOWED");
    as("counselor1").get("/v1/cases/" + caseId).then().statusCode(200);
    as("counselor1").get("/v1/cases/" + caseId).then().statusCode(200);
    assertEquals(before + 2, audits(caseId, COUNSELOR_1, "READ", "ALLOWED"));

    // The audit table refuses this case's records: reads and writes of the case fail with it.
    Fixtures.execute(
        "create function refuse_audit() returns trigger language plpgsql as $$ begin"
            + " if new.case_id = '"
            + caseId
            + "' then raise exception 'audit store unavailable'; end if; return new; end; $$");
    Fixtures.execute(
        "create trigger refuse_audit before insert on audit_entry"
            + " for each row execute function refuse_audit()");
    try {
      as("counselor1").get("/v1/cases/" + caseId).then().statusCode(500);
      as("counselor1")
          .body(Map.of("notes", "written without audit"))
          .patch("/v1/cases/" + caseId)
          .then()
          .statusCode(500)
          .contentType("application/problem+json");
    } finally {
      Fixtures.execute("drop trigger refuse_audit on audit_entry");
      Fixtures.execute("drop function refuse_audit()");
    }
    as("counselor1")
        .get("/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("notes", not(is("written without audit")));
    // The audit is append-only.
    org.junit.jupiter.api.Assertions.assertThrows(
        java.sql.SQLException.class,
        () -> Fixtures.execute("delete from audit_entry where case_id = '" + caseId + "'"));
  }

  @Test
  void theCaseIsReassignedOnlyToACounsellorOfItsCentre() {
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
    as("counselor1")
        .body(Map.of("counsellor", COUNSELOR_2))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("counsellor"));
    as("counselor1")
        .body(Map.of("counsellor", Fixtures.LEAD_1))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("counsellor", is(Fixtures.LEAD_1));
  }

  @Test
  void badInputNamesTheField() {
    as("counselor1")
        .body(
            Map.of(
                "centreId", CENTRE_1, "transition", "SCHOOL_TO_WORK", "person", Map.of("name", "")))
        .post("/v1/cases")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("person.name"));
    as("counselor1")
        .body(
            Map.of(
                "centreId",
                CENTRE_1,
                "transition",
                "SCHOOL_TO_WORK",
                "person",
                Map.of("name", "A", "birthDate", "2999-01-01")))
        .post("/v1/cases")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("person.birthDate"));
    as("counselor1")
        .body(Map.of("centreId", CENTRE_1, "transition", "SIDEWAYS", "person", Map.of("name", "A")))
        .post("/v1/cases")
        .then()
        .statusCode(400);
    as("counselor1")
        .body(CaseFixtures.openBody(CENTRE_2, "A", List.of("COUNSELLING")))
        .post("/v1/cases")
        .then()
        .statusCode(403);
  }
}
