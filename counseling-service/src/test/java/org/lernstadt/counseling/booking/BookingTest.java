package org.lernstadt.counseling.booking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.CENTRE_2;
import static org.lernstadt.counseling.Fixtures.as;
import static org.lernstadt.counseling.Fixtures.freshHour;
import static org.lernstadt.counseling.Fixtures.slot;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.Concurrently;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Topics;

@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class BookingTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Inject ReminderJob reminders;
  @Inject ContactRetentionJob contacts;

  private static Response bookAnonymously(String slotId, String email) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("slotId", slotId, "contact", Map.of("name", "Anna Test", "email", email)))
        .post("/v1/bookings");
  }

  private static String email() {
    return "person-" + UUID.randomUUID() + "@example.org";
  }

  @Test
  void theCentresArePublicWithTheirSlots() {
    given()
        .get("/v1/centres")
        .then()
        .statusCode(200)
        .body("id", hasItem(CENTRE_1))
        .body("id", hasItem(CENTRE_2))
        .body("find { it.id == '" + CENTRE_1 + "' }.district", is("01"));
    OffsetDateTime start = freshHour();
    String slot = slot("counselor1", CENTRE_1, start, 45, "IN_PERSON");
    given()
        .queryParam("from", start.minusMinutes(1).toString())
        .queryParam("to", start.plusHours(1).toString())
        .get("/v1/centres/" + CENTRE_1 + "/slots")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + slot + "' }.free", is(true))
        .body("find { it.id == '" + slot + "' }.format", is("IN_PERSON"));
    given().get("/v1/centres/" + UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void onlyCounsellorsOfTheCentrePublishSlots() {
    OffsetDateTime start = freshHour();
    Map<String, String> body =
        Map.of("start", start.toString(), "end", start.plusHours(1).toString(), "format", "PHONE");
    as("counselor2").body(body).post("/v1/centres/" + CENTRE_1 + "/slots").then().statusCode(403);
    as("citizen1").body(body).post("/v1/centres/" + CENTRE_1 + "/slots").then().statusCode(403);
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/v1/centres/" + CENTRE_1 + "/slots")
        .then()
        .statusCode(401);
    as("counselor1")
        .body(Map.of("start", start.toString(), "end", start.toString(), "format", "PHONE"))
        .post("/v1/centres/" + CENTRE_1 + "/slots")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("end"));
    as("counselor1")
        .body(Map.of("start", start.toString(), "format", "FAX"))
        .post("/v1/centres/" + CENTRE_1 + "/slots")
        .then()
        .statusCode(400);
  }

  @Test
  void twentyParallelBookingsOfOneSlotGiveExactlyOne() throws Exception {
    String slot = slot("counselor1", CENTRE_1, freshHour(), 60, "IN_PERSON");
    List<Integer> statuses =
        Concurrently.together(
            IntStream.range(0, 20)
                .mapToObj(
                    i -> (Callable<Integer>) () -> bookAnonymously(slot, email()).statusCode())
                .toList());
    assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
    assertEquals(
        1,
        Fixtures.count(
            "select count(*) from booking where slot_id = ? and status = 'BOOKED'",
            UUID.fromString(slot)));
  }

  @Test
  void overlappingSlotsOfOneCounsellorCannotBothBeBooked() {
    OffsetDateTime start = freshHour();
    String first = slot("counselor1", CENTRE_1, start, 60, "IN_PERSON");
    String overlapping = slot("counselor1", CENTRE_1, start.plusMinutes(30), 60, "VIDEO");
    String adjacent = slot("counselor1", CENTRE_1, start.plusMinutes(60), 30, "PHONE");
    // Another counsellor at the same time is free.
    String other = slot("counselor2", CENTRE_2, start, 60, "IN_PERSON");

    bookAnonymously(first, email()).then().statusCode(201);
    bookAnonymously(overlapping, email())
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    bookAnonymously(adjacent, email()).then().statusCode(201);
    bookAnonymously(other, email()).then().statusCode(201);
    given()
        .queryParam("from", start.toString())
        .queryParam("to", start.plusHours(2).toString())
        .get("/v1/centres/" + CENTRE_1 + "/slots")
        .then()
        .body("find { it.id == '" + overlapping + "' }.free", is(false));
  }

  @Test
  void anAnonymousBookingIsCancelledWithItsCodeAndPublishesEvents() {
    OffsetDateTime start = freshHour();
    String slot = slot("counselor2", CENTRE_2, start, 30, "PHONE");
    String email = email();
    Response booked = bookAnonymously(slot, email);
    booked
        .then()
        .statusCode(201)
        .body("status", is("BOOKED"))
        .body("cancellationCode", notNullValue());
    String id = booked.path("id");
    String code = booked.path("cancellationCode");

    // Without the code (or with a wrong one) the booking is not found; the code cancels it.
    given().delete("/v1/bookings/" + id).then().statusCode(404);
    given()
        .header("Cancellation-Code", "wrong")
        .delete("/v1/bookings/" + id)
        .then()
        .statusCode(404);
    as("citizen1").delete("/v1/bookings/" + id).then().statusCode(404);
    given()
        .header("Cancellation-Code", code)
        .delete("/v1/bookings/" + id)
        .then()
        .statusCode(200)
        .body("status", is("CANCELLED"))
        .body("cancellationCode", nullValue());
    // The slot is free again.
    bookAnonymously(slot, email()).then().statusCode(201);

    List<ConsumerRecord<String, String>> records =
        Topics.read(
            BookingEvents.TOPIC,
            r -> id.equals(r.key()) && BookingEvents.CANCELLED.equals(Topics.header(r, "ce_type")),
            WAIT);
    List<ConsumerRecord<String, String>> mine =
        records.stream().filter(r -> id.equals(r.key())).toList();
    assertEquals(
        List.of(BookingEvents.MADE, BookingEvents.CANCELLED),
        mine.stream().map(r -> Topics.header(r, "ce_type")).toList());
    var made = Fixtures.body(mine.get(0));
    assertEquals(CENTRE_2, made.get("centreId").asText());
    assertEquals("02", made.get("district").asText());
    assertEquals("PHONE", made.get("format").asText());
    assertEquals(
        start.toInstant(), OffsetDateTime.parse(made.get("slotStart").asText()).toInstant());
    for (ConsumerRecord<String, String> r : mine) {
      String all = Fixtures.everything(r);
      assertFalse(all.contains(email), all);
      assertFalse(all.contains("Anna"), all);
      assertFalse(all.contains(code), all);
    }
  }

  @Test
  void theContactIsStoredSealedAndErasedOnCancellationOrAfterTheRetention() throws Exception {
    String email = email();
    Response cancelled =
        bookAnonymously(slot("counselor1", CENTRE_1, freshHour(), 30, "PHONE"), email);
    Response kept = bookAnonymously(slot("counselor1", CENTRE_1, freshHour(), 30, "PHONE"), email);
    String cancelledId = cancelled.path("id");
    String keptId = kept.path("id");
    String rows =
        Fixtures.query(
                "select string_agg(row_to_json(b)::text, ' ') as r from booking b where id in (?, ?)",
                UUID.fromString(cancelledId),
                UUID.fromString(keptId))
            .get(0)
            .get("r")
            .toString();
    assertFalse(rows.contains(email), rows);
    assertFalse(rows.contains("Anna"), rows);

    given()
        .header("Cancellation-Code", cancelled.<String>path("cancellationCode"))
        .delete("/v1/bookings/" + cancelledId)
        .then()
        .statusCode(200);
    assertEquals(List.of(true, true), contactGone(cancelledId));
    assertEquals(List.of(false, false), contactGone(keptId));

    // Past the retention (here: a cutoff after the appointment), the contact of the kept one goes.
    org.junit.jupiter.api.Assertions.assertTrue(
        contacts.eraseEndedBefore(OffsetDateTime.now().plusDays(400)).await().atMost(WAIT) >= 1);
    assertEquals(List.of(true, true), contactGone(keptId));
  }

  /** [contact ciphertext gone, person key gone] of a booking. */
  private static List<Boolean> contactGone(String bookingId) throws Exception {
    var row =
        Fixtures.query(
                "select b.contact is null as c, p.wrapped_key is null as k from booking b"
                    + " join person p on p.id = b.person_id where b.id = ?",
                UUID.fromString(bookingId))
            .get(0);
    return List.of((Boolean) row.get("c"), (Boolean) row.get("k"));
  }

  @Test
  void tenParallelBookingsOfOnePersonGiveAtMostThree() throws Exception {
    String email = email();
    List<String> slots =
        IntStream.range(0, 10)
            .mapToObj(i -> slot("counselor2", CENTRE_2, freshHour(), 30, "VIDEO"))
            .toList();
    List<Integer> statuses =
        Concurrently.together(
            slots.stream()
                .map(s -> (Callable<Integer>) () -> bookAnonymously(s, email).statusCode())
                .toList());
    assertEquals(3, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
  }

  @Test
  void aLoggedInCitizenBooksWithoutContactAndCancelsWithTheToken() {
    String slot = slot("counselor1", CENTRE_1, freshHour(), 30, "VIDEO");
    Response booked = as("citizen1").body(Map.of("slotId", slot)).post("/v1/bookings");
    booked.then().statusCode(201).body("cancellationCode", nullValue());
    String id = booked.path("id");
    as("citizen2").delete("/v1/bookings/" + id).then().statusCode(404);
    as("citizen1")
        .delete("/v1/bookings/" + id)
        .then()
        .statusCode(200)
        .body("status", is("CANCELLED"));
    // Again: unchanged.
    as("citizen1")
        .delete("/v1/bookings/" + id)
        .then()
        .statusCode(200)
        .body("status", is("CANCELLED"));
  }

  @Test
  void anonymousBookingNeedsAContactAndBadInputNamesTheField() {
    String slot = slot("counselor1", CENTRE_1, freshHour(), 30, "VIDEO");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("slotId", slot))
        .post("/v1/bookings")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("contact"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("slotId", slot, "contact", Map.of("email", "not-an-address")))
        .post("/v1/bookings")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("contact.email"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("contact", Map.of("email", email())))
        .post("/v1/bookings")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("slotId"));
    bookAnonymously(UUID.randomUUID().toString(), email()).then().statusCode(404);
  }

  @Test
  void atMostThreeOpenBookingsPerPerson() {
    String email = email();
    for (int i = 0; i < 3; i++) {
      bookAnonymously(slot("counselor2", CENTRE_2, freshHour(), 30, "PHONE"), email)
          .then()
          .statusCode(201);
    }
    // The same person, the address written differently.
    bookAnonymously(slot("counselor2", CENTRE_2, freshHour(), 30, "PHONE"), email.toUpperCase())
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("at most 3"));
    bookAnonymously(slot("counselor2", CENTRE_2, freshHour(), 30, "PHONE"), email())
        .then()
        .statusCode(201);
  }

  @Test
  void cancellingIsRefusedWithinTheMinimumNoticeAndTheReminderIsAnEvent() {
    // Starts in about two hours: within the 24 h notice, and within the reminder lead time.
    OffsetDateTime soon = OffsetDateTime.now().plusHours(2).truncatedTo(ChronoUnit.MINUTES);
    String slot = slot("counselor2", CENTRE_2, soon, 15, "PHONE");
    Response booked = bookAnonymously(slot, email());
    booked.then().statusCode(201);
    String id = booked.path("id");
    given()
        .header("Cancellation-Code", booked.<String>path("cancellationCode"))
        .delete("/v1/bookings/" + id)
        .then()
        .statusCode(409)
        .body("detail", org.hamcrest.Matchers.containsString("24 hours"));

    int due = reminders.run().await().atMost(WAIT);
    org.junit.jupiter.api.Assertions.assertTrue(due >= 1);
    ConsumerRecord<String, String> reminder =
        Topics.awaitRecord(
            BookingEvents.TOPIC,
            r ->
                id.equals(r.key())
                    && BookingEvents.REMINDER_DUE.equals(Topics.header(r, "ce_type")),
            WAIT);
    assertEquals(id, Fixtures.body(reminder).get("bookingId").asText());
    // Once only.
    reminders.run().await().atMost(WAIT);
    assertEquals(
        1,
        Topics.readToEnd(BookingEvents.TOPIC, WAIT).stream()
            .filter(r -> id.equals(r.key()))
            .filter(r -> BookingEvents.REMINDER_DUE.equals(Topics.header(r, "ce_type")))
            .count());
  }
}
