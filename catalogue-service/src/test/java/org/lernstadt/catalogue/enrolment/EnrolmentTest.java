package org.lernstadt.catalogue.enrolment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.enrolment.event.EnrolmentEvents;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * The enrolment API with real citizen and partner tokens through the real PostgreSQL, Kafka broker
 * and Keycloak: the rules, the waiting list, ownership, the partner's view and the events.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class EnrolmentTest {

  private static boolean ready;

  // Not @BeforeAll: the HTTP port of the application under test is known per test only.
  @BeforeEach
  void providers() throws Exception {
    if (!ready) {
      GroupOffers.providersAndADistrict();
      ready = true;
    }
  }

  private static ValidatableResponse enrol(String user, String offerId) {
    return given()
        .auth()
        .oauth2(Tokens.forUser(user))
        .post("/v1/offers/" + offerId + "/enrolments")
        .then();
  }

  private static ValidatableResponse mine(String user, String offerId) {
    return given()
        .auth()
        .oauth2(Tokens.forUser(user))
        .get("/v1/offers/" + offerId + "/enrolments/mine")
        .then();
  }

  private static ValidatableResponse cancelMine(String user, String offerId) {
    return given()
        .auth()
        .oauth2(Tokens.forUser(user))
        .delete("/v1/offers/" + offerId + "/enrolments/mine")
        .then();
  }

  private static ValidatableResponse participants(String partner, String externalId) {
    return given()
        .auth()
        .oauth2(Tokens.forPartner(partner))
        .get("/v1/partner/offers/" + externalId + "/participants")
        .then();
  }

  @Test
  void enrolOnceWaitInLineAndMoveUpWhenAPlaceFrees() throws Exception {
    String offer = GroupOffers.group(1);
    String citizen1 = GroupOffers.subjectOf("citizen1");
    String citizen2 = GroupOffers.subjectOf("citizen2");

    String first =
        enrol("citizen1", offer)
            .statusCode(201)
            .body("status", equalTo("ENROLLED"))
            .body("position", nullValue())
            .body("offerId", equalTo(offer))
            .body("enrolledAt", notNullValue())
            .extract()
            .path("id");
    // A second request returns the same enrolment: idempotent, no second place, no event.
    enrol("citizen1", offer).statusCode(200).body("id", equalTo(first));

    String second =
        enrol("citizen2", offer)
            .statusCode(201)
            .header("Location", containsString("/v1/enrolments/"))
            .body("status", equalTo("WAITLISTED"))
            .body("position", equalTo(1))
            .body("enrolledAt", nullValue())
            .extract()
            .path("id");
    mine("citizen2", offer)
        .statusCode(200)
        .body("id", equalTo(second))
        .body("position", equalTo(1));

    // citizen2 can neither see nor cancel citizen1's enrolment; it stays as it is.
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen2"))
        .delete("/v1/enrolments/" + first)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen2"))
        .get("/v1/enrolments/" + first)
        .then()
        .statusCode(404);
    mine("citizen1", offer).statusCode(200).body("status", equalTo("ENROLLED"));
    assertArrayEquals(new int[] {1, 1, 1}, GroupOffers.tally(offer));

    // citizen1 cancels: citizen2 moves up in the same transaction.
    cancelMine("citizen1", offer)
        .statusCode(200)
        .body("id", equalTo(first))
        .body("status", equalTo("CANCELLED"))
        .body("cancelledAt", notNullValue());
    mine("citizen2", offer)
        .statusCode(200)
        .body("status", equalTo("ENROLLED"))
        .body("position", nullValue())
        .body("enrolledAt", notNullValue());
    mine("citizen1", offer).statusCode(200).body("status", equalTo("CANCELLED"));
    cancelMine("citizen1", offer).statusCode(404);
    // Cancelling a cancelled enrolment by its id changes nothing.
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .delete("/v1/enrolments/" + first)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));

    // Enrolling again is a new enrolment at the end of the list.
    String again =
        enrol("citizen1", offer)
            .statusCode(201)
            .body("status", equalTo("WAITLISTED"))
            .body("position", equalTo(1))
            .extract()
            .path("id");
    assertFalse(again.equals(first));
    // The owner cancels by the enrolment's id.
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .delete("/v1/enrolments/" + again)
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    assertArrayEquals(new int[] {1, 1, 0}, GroupOffers.tally(offer));

    List<ConsumerRecord<String, String>> records = GroupOffers.enrolmentRecords(offer, 6);
    assertEquals(
        List.of(
            EnrolmentEvents.OPENED,
            EnrolmentEvents.WAITLISTED,
            EnrolmentEvents.CANCELLED,
            EnrolmentEvents.OPENED,
            EnrolmentEvents.WAITLISTED,
            EnrolmentEvents.CANCELLED),
        records.stream().map(GroupOffers::type).toList());
    assertEquals(
        List.of(
            List.of(1, 0),
            List.of(1, 1),
            List.of(0, 1),
            List.of(1, 0),
            List.of(1, 1),
            List.of(1, 0)),
        records.stream().map(GroupOffers::counts).toList());
    var body = GroupOffers.body(records.get(0));
    assertEquals(offer, body.get("offerId").asText());
    assertEquals(1, body.get("capacity").asInt());
    assertEquals("[\"mitte\"]", body.get("districts").toString());
    assertEquals("[\"PARENTS\"]", body.get("lifePhases").toString());
    for (ConsumerRecord<String, String> record : records) {
      String all = GroupOffers.everything(record);
      assertEquals(offer, record.key());
      assertFalse(all.contains(citizen1), "citizen1's subject id in " + all);
      assertFalse(all.contains(citizen2), "citizen2's subject id in " + all);
      assertFalse(all.contains(first) || all.contains(second), "an enrolment id in " + all);
    }
  }

  @Test
  void onlyPublishedOffersWithACapacityTakeEnrolments() {
    String noCapacity =
        GroupOffers.put("partner-vhs", "ohne-" + UUID.randomUUID(), null, "PUBLISHED");
    enrol("citizen1", noCapacity)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("capacity"));

    String cancelled =
        GroupOffers.put("partner-vhs", "abgesagt-" + UUID.randomUUID(), 10, "CANCELLED");
    enrol("citizen1", cancelled)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("CANCELLED"));

    String draft = GroupOffers.put("partner-vhs", "entwurf-" + UUID.randomUUID(), 10, "DRAFT");
    enrol("citizen1", draft).statusCode(404).contentType("application/problem+json");
    enrol("citizen1", UUID.randomUUID().toString()).statusCode(404);
    mine("citizen1", GroupOffers.group(10)).statusCode(404);

    String open = GroupOffers.group(10);
    given().post("/v1/offers/" + open + "/enrolments").then().statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .post("/v1/offers/" + open + "/enrolments")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.forUser("editor1"))
        .post("/v1/offers/" + open + "/enrolments")
        .then()
        .statusCode(403);
  }

  @Test
  void parallelRequestsOfOneCitizenMakeOneEnrolment() throws Exception {
    String offer = GroupOffers.group(10);
    String token = Tokens.forUser("citizen1");
    int parallel = 8;
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < parallel; i++) {
        Callable<Response> request =
            () -> {
              start.await();
              return given().auth().oauth2(token).post("/v1/offers/" + offer + "/enrolments");
            };
        answers.add(pool.submit(request));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (Future<Response> answer : answers) {
        Response response = answer.get();
        statuses.add(response.statusCode());
        ids.add(response.path("id"));
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
      assertEquals(parallel - 1, statuses.stream().filter(s -> s == 200).count());
      assertEquals(1, ids.stream().distinct().count());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, GroupOffers.rows(offer, "ENROLLED"));
    assertArrayEquals(new int[] {10, 1, 0}, GroupOffers.tally(offer));
  }

  @Test
  void aPartnerSeesTheParticipantsOfItsOwnOffersOnly() throws Exception {
    String externalId = "eltern-" + UUID.randomUUID();
    String offer = GroupOffers.put("partner-vhs", externalId, 1, "PUBLISHED");
    String first = enrol("citizen1", offer).statusCode(201).extract().path("id");
    String second = enrol("citizen2", offer).statusCode(201).extract().path("id");

    String body =
        participants("partner-vhs", externalId)
            .statusCode(200)
            .body("offerId", equalTo(offer))
            .body("externalId", equalTo(externalId))
            .body("capacity", equalTo(1))
            .body("enrolled", equalTo(1))
            .body("waitlisted", equalTo(1))
            .body("cancelled", equalTo(0))
            .body("items.size()", equalTo(2))
            .body("items[0].enrolmentId", equalTo(first))
            .body("items[0].subject", equalTo(GroupOffers.subjectOf("citizen1")))
            .body("items[0].status", equalTo("ENROLLED"))
            .body("items[0].position", nullValue())
            .body("items[0].enrolledAt", notNullValue())
            .body("items[1].enrolmentId", equalTo(second))
            .body("items[1].subject", equalTo(GroupOffers.subjectOf("citizen2")))
            .body("items[1].status", equalTo("WAITLISTED"))
            .body("items[1].position", equalTo(1))
            .body("next", nullValue())
            .extract()
            .asString();
    // The catalogue holds no names or e-mail addresses of citizens.
    assertFalse(body.contains("Clara") || body.contains("citizen1@"), body);

    // Page by page.
    String next =
        given()
            .auth()
            .oauth2(Tokens.forPartner("partner-vhs"))
            .queryParam("limit", 1)
            .get("/v1/partner/offers/" + externalId + "/participants")
            .then()
            .statusCode(200)
            .body("items.size()", equalTo(1))
            .body("items[0].enrolmentId", equalTo(first))
            .extract()
            .path("next");
    assertTrue(next != null);
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .queryParam("limit", 1)
        .queryParam("cursor", next)
        .get("/v1/partner/offers/" + externalId + "/participants")
        .then()
        .statusCode(200)
        .body("items[0].enrolmentId", equalTo(second))
        .body("next", nullValue());

    // Another provider's partner finds no such offer; citizens may not look at all.
    participants("partner-library", externalId)
        .statusCode(404)
        .contentType("application/problem+json");
    participants("partner-vhs", "gibt-es-nicht-" + UUID.randomUUID()).statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .get("/v1/partner/offers/" + externalId + "/participants")
        .then()
        .statusCode(403);

    // After a cancellation the cancelled participant is no longer listed, only counted.
    cancelMine("citizen1", offer).statusCode(200);
    participants("partner-vhs", externalId)
        .statusCode(200)
        .body("enrolled", equalTo(1))
        .body("waitlisted", equalTo(0))
        .body("cancelled", equalTo(1))
        .body("items.size()", equalTo(1))
        .body("items[0].enrolmentId", equalTo(second))
        .body("items[0].status", equalTo("ENROLLED"));
  }

  @Test
  void theCapacityIsACheckInTheDatabase() throws Exception {
    String offer = GroupOffers.group(1);
    enrol("citizen1", offer).statusCode(201).body("status", equalTo("ENROLLED"));
    // Whatever the code does, the table refuses more enrolled than the capacity.
    try (Connection c = GroupOffers.connect();
        PreparedStatement overfill =
            c.prepareStatement(
                "update enrolment_tally set enrolled = enrolled + 1 where offer_id = ?")) {
      overfill.setObject(1, UUID.fromString(offer));
      java.sql.SQLException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class, overfill::executeUpdate);
      assertEquals("23514", refused.getSQLState(), refused.getMessage());
    }
    // And one citizen has at most one active enrolment per offer.
    try (Connection c = GroupOffers.connect();
        PreparedStatement twice =
            c.prepareStatement(
                "insert into enrolment (id, offer_id, citizen, status)"
                    + " select gen_random_uuid(), offer_id, citizen, 'WAITLISTED' from enrolment"
                    + " where offer_id = ?")) {
      twice.setObject(1, UUID.fromString(offer));
      java.sql.SQLException refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class, twice::executeUpdate);
      assertEquals("23505", refused.getSQLState(), refused.getMessage());
    }
    try (Connection c = GroupOffers.connect();
        PreparedStatement q =
            c.prepareStatement("select count(*) from enrolment where offer_id = ?")) {
      q.setObject(1, UUID.fromString(offer));
      try (ResultSet r = q.executeQuery()) {
        r.next();
        assertEquals(1, r.getInt(1));
      }
    }
  }
}
