package org.lernstadt.participation.dialogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.contribute;
import static org.lernstadt.participation.Fixtures.contribution;
import static org.lernstadt.participation.Fixtures.create;
import static org.lernstadt.participation.Fixtures.dialogue;
import static org.lernstadt.participation.Fixtures.editor;
import static org.lernstadt.participation.Fixtures.phase;
import static org.lernstadt.participation.Fixtures.post;
import static org.lernstadt.participation.Fixtures.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.DialogueTopic;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * A dialogue goes through its phases; each phase allows only its actions, inside its time window;
 * each move is one schema-valid event on {@code participation.dialogues.v1}.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class DialoguePhaseTest {

  private static final String P = "org.lernstadt.participation.";

  @Test
  void onlyEditorsCreateAndDraftsStayPrivate() {
    post("/v1/dialogues", citizen1(), dialogue()).then().statusCode(403);
    given()
        .contentType("application/json")
        .body(dialogue())
        .post("/v1/dialogues")
        .then()
        .statusCode(401);
    Map<String, Object> bad = dialogue();
    bad.put("categories", List.of("Not A Code"));
    post("/v1/dialogues", editor(), bad)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("categories[0]"));

    String id = create(dialogue());
    given().get("/v1/dialogues/" + id).then().statusCode(404);
    given().auth().oauth2(editor()).get("/v1/dialogues/drafts?limit=100").then().statusCode(200);
    given()
        .get("/v1/dialogues?limit=100")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(id)));
    post("/v1/dialogues/" + id + "/contributions", citizen1(), contribution("x", "library", null))
        .then()
        .statusCode(404);

    phase(id, "CONTRIBUTION");
    given()
        .get("/v1/dialogues/" + id)
        .then()
        .statusCode(200)
        .body("phase", equalTo("CONTRIBUTION"))
        .body("maxCommentDepth", equalTo(3))
        .body("maxCommentLength", equalTo(1000))
        .body("reportThreshold", equalTo(3));
    given()
        .get("/v1/dialogues?phase=CONTRIBUTION&district=02&limit=100")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(id));
    given()
        .get("/v1/dialogues?phase=CONTRIBUTION&district=99&limit=100")
        .then()
        .body("items.id", not(hasItem(id)));
  }

  @Test
  void eachPhaseAllowsOnlyItsActionsAndPhasesOnlyMoveForward() {
    String id = create(dialogue());
    phase(id, "CONTRIBUTION");
    String c = contribute(citizen1(), id, contribution("In der Stadtbibliothek", "library", "01"));
    put("/v1/contributions/" + c + "/rating", citizen2(), Map.of("value", 1))
        .then()
        .statusCode(200);

    phase(id, "RATING");
    post(
            "/v1/dialogues/" + id + "/contributions",
            citizen1(),
            contribution("zu spät", "library", null))
        .then()
        .statusCode(409)
        .body("detail", containsString("does not allow CONTRIBUTE"));
    post("/v1/contributions/" + c + "/comments", citizen2(), Map.of("text", "Gute Idee"))
        .then()
        .statusCode(409)
        .body("detail", containsString("does not allow COMMENT"));
    put("/v1/contributions/" + c + "/rating", citizen1(), Map.of("value", 1))
        .then()
        .statusCode(200);

    post("/v1/dialogues/" + id + "/phase", editor(), Map.of("phase", "CONTRIBUTION"))
        .then()
        .statusCode(409);
    phase(id, "CLOSED");
    put("/v1/contributions/" + c + "/rating", citizen1(), Map.of("value", -1))
        .then()
        .statusCode(409)
        .body("type", equalTo("about:blank"))
        .body("detail", containsString("does not allow RATE"));
    phase(id, "RESULTS_PUBLISHED");

    List<ConsumerRecord<String, String>> records =
        DialogueTopic.recordsOf(
            DialogueTopic.DIALOGUES, id, P + "dialogue.results-published.v1", 1);
    assertEquals(
        List.of(
            P + "dialogue.opened.v1",
            P + "contribution.submitted.v1",
            P + "rating.given.v1",
            P + "dialogue.phase-changed.v1",
            P + "rating.given.v1",
            P + "dialogue.closed.v1",
            P + "dialogue.results-published.v1"),
        records.stream().map(DialogueTopic::type).toList());
    JsonNode opened = DialogueTopic.body(records.get(0));
    assertEquals("CONTRIBUTION", opened.get("phase").asText());
    assertEquals("DRAFT", opened.get("previousPhase").asText());
    assertEquals("[\"01\",\"02\"]", opened.get("districts").toString());
    JsonNode submitted = DialogueTopic.body(records.get(1));
    assertEquals("library", submitted.get("category").asText());
    assertEquals("01", submitted.get("district").asText());
    JsonNode rated = DialogueTopic.body(records.get(4));
    assertEquals(2, rated.get("ratingCount").asInt());
    assertEquals(2.0, rated.get("ratingScore").asDouble());
    JsonNode results = DialogueTopic.body(records.get(6));
    assertEquals(1, results.at("/totals/contributions").asInt());
    assertEquals(2, results.at("/totals/ratings").asInt());
    assertEquals(2, results.at("/totals/participants").asInt());
    assertEquals("01", results.at("/perDistrict/0/district").asText());
  }

  @Test
  void aPhaseWindowThatIsNotOpenRefusesItsActions() {
    Map<String, Object> d = dialogue();
    OffsetDateTime now = OffsetDateTime.now();
    d.put(
        "phases",
        List.of(
            Map.of(
                "phase",
                "CONTRIBUTION",
                "startsAt",
                now.minusDays(10).toString(),
                "endsAt",
                now.minusDays(1).toString()),
            Map.of("phase", "RATING", "actions", List.of("RATE", "COMMENT"))));
    String id = create(d);
    phase(id, "CONTRIBUTION");
    post(
            "/v1/dialogues/" + id + "/contributions",
            citizen1(),
            contribution("spät", "library", null))
        .then()
        .statusCode(409)
        .body("detail", containsString("is not possible now"));

    Map<String, Object> reversed = dialogue();
    reversed.put(
        "phases",
        List.of(
            Map.of(
                "phase",
                "CONTRIBUTION",
                "startsAt",
                now.toString(),
                "endsAt",
                now.minusDays(1).toString())));
    post("/v1/dialogues", editor(), reversed)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("phases[0].endsAt"));
  }

  @Test
  void theParticipantPseudonymIsStablePerCitizenWithinADialogueOnly() {
    String first = create(dialogue());
    phase(first, "CONTRIBUTION");
    String second = create(dialogue());
    phase(second, "CONTRIBUTION");
    contribute(citizen1(), first, contribution("eins", "library", null));
    contribute(citizen1(), first, contribution("zwei", "outdoors", null));
    contribute(citizen2(), first, contribution("drei", "outdoors", null));
    contribute(citizen1(), second, contribution("vier", "library", null));

    List<String> inFirst =
        DialogueTopic.ofType(
                DialogueTopic.recordsOf(
                    DialogueTopic.DIALOGUES, first, P + "contribution.submitted.v1", 3),
                P + "contribution.submitted.v1")
            .stream()
            .map(r -> DialogueTopic.body(r).get("participant").asText())
            .toList();
    String inSecond =
        DialogueTopic.body(
                DialogueTopic.recordsOf(
                        DialogueTopic.DIALOGUES, second, P + "contribution.submitted.v1", 1)
                    .get(1))
            .get("participant")
            .asText();
    assertEquals(inFirst.get(0), inFirst.get(1));
    assertNotEquals(inFirst.get(0), inFirst.get(2));
    assertNotEquals(inFirst.get(0), inSecond);
  }
}
