package org.lernstadt.participation.meeting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.editor;
import static org.lernstadt.participation.Fixtures.openDialogue;
import static org.lernstadt.participation.Fixtures.post;
import static org.lernstadt.participation.Fixtures.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.DialogueTopic;
import org.lernstadt.participation.meeting.service.MeetingService;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Registration with a waiting list that moves up by itself, cancellation, attendance; counts on
 * {@code participation.events.v1}. Waiting lists longer than the realm's two citizens are tested
 * through {@link MeetingService} with synthetic subjects.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class EventRegistrationTest {

  private static final String P = "org.lernstadt.participation.event.";

  @Inject MeetingService meetings;

  @Test
  void theWaitingListMovesUpWhenAPlaceFrees() {
    String dialogue = openDialogue();
    String event = schedule(dialogue, OffsetDateTime.now().plusDays(7), 1);
    String registrations = "/v1/events/" + event + "/registrations";

    post(registrations, citizen1(), Map.of())
        .then()
        .statusCode(201)
        .body("status", equalTo("REGISTERED"))
        .body("position", nullValue());
    post(registrations, citizen2(), Map.of())
        .then()
        .statusCode(201)
        .body("status", equalTo("WAITLISTED"))
        .body("position", equalTo(1));
    post(registrations, citizen1(), Map.of())
        .then()
        .statusCode(200)
        .body("status", equalTo("REGISTERED"));
    given()
        .get("/v1/events/" + event)
        .then()
        .body("registered", equalTo(1))
        .body("waitlisted", equalTo(1));

    given()
        .auth()
        .oauth2(citizen1())
        .delete(registrations + "/mine")
        .then()
        .statusCode(200)
        .body("status", equalTo("CANCELLED"));
    given()
        .auth()
        .oauth2(citizen2())
        .get(registrations + "/mine")
        .then()
        .statusCode(200)
        .body("status", equalTo("REGISTERED"));
    given().auth().oauth2(citizen1()).get(registrations + "/mine").then().statusCode(404);
    given()
        .get("/v1/events/" + event)
        .then()
        .body("registered", equalTo(1))
        .body("waitlisted", equalTo(0));
    given().get("/v1/events?dialogueId=" + dialogue).then().body("id", hasItem(event));

    put("/v1/events/" + event + "/attendance", editor(), Map.of("attendance", 1))
        .then()
        .statusCode(409);

    List<ConsumerRecord<String, String>> records =
        DialogueTopic.recordsOf(DialogueTopic.EVENTS, event, P + "registration.v1", 3);
    assertEquals(
        List.of(
            P + "scheduled.v1",
            P + "registration.v1",
            P + "registration.v1",
            P + "registration.v1"),
        records.stream().map(DialogueTopic::type).toList());
    JsonNode scheduled = DialogueTopic.body(records.get(0));
    assertEquals("ROUNDTABLE", scheduled.get("kind").asText());
    assertEquals(dialogue, scheduled.get("dialogueId").asText());
    assertEquals(1, scheduled.get("capacity").asInt());
    List<String> counts =
        records.subList(1, 4).stream()
            .map(DialogueTopic::body)
            .map(b -> b.get("registered").asInt() + "/" + b.get("waitlisted").asInt())
            .toList();
    // Registered, waitlisted, then cancelled and moved up in one step; the repeated
    // registration changed nothing and reported nothing.
    assertEquals(List.of("1/0", "1/1", "1/0"), counts);
  }

  @Test
  void aLongerWaitingListKeepsItsOrder() {
    UUID event = UUID.fromString(schedule(null, OffsetDateTime.now().plusDays(3), 3));
    List<String> citizens =
        List.of("s-a", "s-b", "s-c", "s-d", "s-e").stream()
            .map(s -> s + "-" + UUID.randomUUID())
            .toList();
    List<String> statuses =
        citizens.stream()
            .map(c -> meetings.register(event, c).await().indefinitely().registration().status())
            .toList();
    assertEquals(
        List.of("REGISTERED", "REGISTERED", "REGISTERED", "WAITLISTED", "WAITLISTED"), statuses);
    assertEquals(2, meetings.mine(event, citizens.get(4)).await().indefinitely().position());

    meetings.cancel(event, citizens.get(1)).await().indefinitely();
    assertEquals(
        "REGISTERED", meetings.mine(event, citizens.get(3)).await().indefinitely().status());
    assertEquals(1, meetings.mine(event, citizens.get(4)).await().indefinitely().position());
    meetings.cancel(event, citizens.get(4)).await().indefinitely();
    var now = meetings.get(event).await().indefinitely();
    assertEquals(3, now.registered());
    assertEquals(0, now.waitlisted());
  }

  @Test
  void attendanceIsRecordedAfterTheEventAndRegistrationCloses() {
    String event = schedule(null, OffsetDateTime.now().minusHours(3), 150);
    post("/v1/events/" + event + "/registrations", citizen1(), Map.of()).then().statusCode(409);
    put("/v1/events/" + event + "/attendance", citizen1(), Map.of("attendance", 140))
        .then()
        .statusCode(403);
    put("/v1/events/" + event + "/attendance", editor(), Map.of("attendance", -1))
        .then()
        .statusCode(422);
    put("/v1/events/" + event + "/attendance", editor(), Map.of("attendance", 140))
        .then()
        .statusCode(200)
        .body("attendance", equalTo(140));
    JsonNode attended =
        DialogueTopic.body(
            DialogueTopic.ofType(
                    DialogueTopic.recordsOf(DialogueTopic.EVENTS, event, P + "attended.v1", 1),
                    P + "attended.v1")
                .get(0));
    assertEquals(140, attended.get("attendance").asInt());
    assertEquals("01", attended.get("district").asText());

    Map<String, Object> nowhere = event(null, OffsetDateTime.now().plusDays(1), 10);
    nowhere.remove("place");
    post("/v1/events", editor(), nowhere)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("place"));
    post("/v1/events", citizen1(), event(null, OffsetDateTime.now().plusDays(1), 10))
        .then()
        .statusCode(403);
  }

  private static String schedule(String dialogue, OffsetDateTime startsAt, int capacity) {
    return post("/v1/events", editor(), event(dialogue, startsAt, capacity))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Map<String, Object> event(String dialogue, OffsetDateTime startsAt, int capacity) {
    Map<String, Object> e = new HashMap<>();
    if (dialogue != null) {
      e.put("dialogueId", dialogue);
    }
    e.put("kind", "ROUNDTABLE");
    e.put("title", "Runder Tisch Lernorte");
    e.put("startsAt", startsAt.toString());
    e.put("endsAt", startsAt.plusHours(2).toString());
    e.put("place", "Kulturpalast, Schloßstraße 2");
    e.put("district", "01");
    e.put("capacity", capacity);
    return e;
  }
}
