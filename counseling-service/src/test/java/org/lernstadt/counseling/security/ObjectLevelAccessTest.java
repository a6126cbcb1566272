package org.lernstadt.counseling.security;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.CENTRE_2;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * What the matrix cannot show: the same role on someone else's object, and fields a role may not
 * set or see. counselor2 works in centre 2, the cases here belong to centre 1; the bookings to
 * citizen1.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ObjectLevelAccessTest {

  @Test
  void aCounsellorOfCentre2NeitherReadsNorChangesACaseOfCentre1() {
    String name = CaseFixtures.plantedName();
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, name);
    String before =
        as("counselor1").get("/v1/cases/" + caseId).then().statusCode(200).extract().asString();

    for (String part : List.of("", "/sessions", "/biography", "/consents", "/referrals")) {
      as("counselor2")
          .get("/v1/cases/" + caseId + part)
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    as("counselor2")
        .body(Map.of("notes", "überschrieben"))
        .patch("/v1/cases/" + caseId)
        .then()
        .statusCode(404);
    as("counselor2")
        .body(Map.of("kind", "MILESTONE", "occurredOn", "2025-01-01", "content", "fremd"))
        .post("/v1/cases/" + caseId + "/biography")
        .then()
        .statusCode(404);
    String list = as("counselor2").get("/v1/cases").then().statusCode(200).extract().asString();
    assertFalse(list.contains(caseId) || list.contains(name), "counselor2 lists centre 1's case");

    String after =
        as("counselor1").get("/v1/cases/" + caseId).then().statusCode(200).extract().asString();
    assertEquals(before, after, "counselor2 changed centre 1's case");
  }

  @Test
  void aCitizenCannotCancelAnotherCitizensBooking() throws Exception {
    String booking =
        AccessFixtures.booking(
            Fixtures.slot("counselor1", CENTRE_1, Fixtures.freshHour(), 30, "VIDEO"));

    as("citizen2").delete("/v1/bookings/" + booking).then().statusCode(404);
    as("citizen2")
        .header("Cancellation-Code", "guessed")
        .delete("/v1/bookings/" + booking)
        .then()
        .statusCode(404);
    assertEquals(
        "BOOKED",
        Fixtures.query("select status from booking where id = ?", UUID.fromString(booking))
            .get(0)
            .get("status"));
    // Leaves citizen1 below the limit of open bookings for the other tests.
    as("citizen1").delete("/v1/bookings/" + booking).then().statusCode(200);
  }

  @Test
  void aCounsellorMayNotOpenACaseInAnotherCentre() {
    as("counselor1")
        .body(CaseFixtures.openBody(CENTRE_2, CaseFixtures.plantedName(), List.of("COUNSELLING")))
        .post("/v1/cases")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void publicSlotsShowNeitherWhoBookedNorTheirContact() {
    String slot = Fixtures.slot("counselor1", CENTRE_1, Fixtures.freshHour(), 30, "VIDEO");
    String subject = Tokens.claims(Tokens.forUser("citizen1")).get("sub").asText();
    String contact = "zyxw-" + UUID.randomUUID() + "@example.org";
    String booking =
        as("citizen1")
            .body(Map.of("slotId", slot))
            .post("/v1/bookings")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String other = Fixtures.slot("counselor1", CENTRE_1, Fixtures.freshHour(), 30, "PHONE");
    io.restassured.RestAssured.given()
        .contentType("application/json")
        .body(Map.of("slotId", other, "contact", Map.of("name", "Zyxw Anonym", "email", contact)))
        .post("/v1/bookings")
        .then()
        .statusCode(201);

    String slots =
        io.restassured.RestAssured.given()
            .get("/v1/centres/" + CENTRE_1 + "/slots")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertFalse(slots.contains(subject), "public slots name the citizen who booked");
    assertFalse(slots.contains(contact) || slots.contains("Zyxw"), "public slots show a contact");
    as("citizen1").delete("/v1/bookings/" + booking).then().statusCode(200);
  }

  @Test
  void aCounsellorSeesTheAuditOnlyThroughTheLead() {
    String caseId = AccessFixtures.openCase();
    as("counselor1").get("/v1/audit?caseId=" + caseId).then().statusCode(403);
    as("lead1")
        .get("/v1/audit?caseId=" + caseId)
        .then()
        .statusCode(200)
        .body("items[0].caseId", equalTo(caseId));
  }
}
