package org.lernstadt.participation.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.contribute;
import static org.lernstadt.participation.Fixtures.contribution;
import static org.lernstadt.participation.Fixtures.moderator;
import static org.lernstadt.participation.Fixtures.openDialogue;
import static org.lernstadt.participation.Fixtures.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.DialogueTopic;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.moderation.domain.ReportReason;
import org.lernstadt.participation.moderation.service.ModerationCommands;
import org.lernstadt.participation.moderation.service.ModerationService;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Reports hide an item at the third distinct citizen; moderators restore, hide or remove with
 * reasons in the audit; authors see the reason and appeal once.
 *
 * <p>The demo realm has two citizens, so the third reporter is a synthetic subject reporting
 * through {@link ModerationService} directly; the first two report through REST with real tokens.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ModerationTest {

  private static final String MODERATED = "org.lernstadt.participation.contribution.moderated.v1";

  @Inject ModerationService moderation;

  @Test
  void theThirdDistinctReportHidesAndAModeratorRestores() {
    String dialogue = openDialogue();
    String c = contribute(citizen1(), dialogue, contribution("Kaufen Sie jetzt!", "library", "01"));
    String reports = "/v1/contributions/" + c + "/reports";

    post(reports, citizen2(), Map.of("reason", "SPAM")).then().statusCode(201);
    post(reports, citizen2(), Map.of("reason", "OFFENSIVE"))
        .then()
        .statusCode(409)
        .body("detail", equalTo("You have reported this item already."));
    post(reports, citizen1(), Map.of("reason", "OTHER"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("note"));
    post(reports, citizen1(), Map.of("reason", "OTHER", "note", "Werbung")).then().statusCode(201);
    given().get("/v1/contributions/" + c).then().statusCode(200);

    ModerationService.ReportOutcome third =
        moderation
            .report(
                ItemKind.CONTRIBUTION,
                UUID.fromString(c),
                new ModerationCommands.Report(ReportReason.SPAM, null),
                "synthetic-" + UUID.randomUUID())
            .await()
            .indefinitely();
    assertTrue(third.hidden());

    given().get("/v1/contributions/" + c).then().statusCode(404);
    given()
        .get("/v1/dialogues/" + dialogue + "/contributions")
        .then()
        .body("items.id", not(hasItem(c)));
    given()
        .auth()
        .oauth2(citizen1())
        .get("/v1/me/contributions")
        .then()
        .body("find { it.id == '" + c + "' }.status", equalTo("PENDING"));

    JsonPath queue =
        given()
            .auth()
            .oauth2(moderator())
            .get("/v1/moderation/queue?dialogueId=" + dialogue)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(c, queue.getString("[0].itemId"));
    assertEquals(3, queue.getInt("[0].openReports"));
    assertEquals(2, queue.getInt("[0].reasons.SPAM"));
    assertEquals(1, queue.getInt("[0].reasons.OTHER"));

    given().auth().oauth2(citizen1()).get("/v1/moderation/queue").then().statusCode(403);
    given().get("/v1/moderation/queue").then().statusCode(401);

    decide(ItemKind.CONTRIBUTION, c, "KEEP", "Kein Verstoß").then().statusCode(201);
    given().get("/v1/contributions/" + c).then().statusCode(200).body("status", equalTo("VISIBLE"));
    given()
        .auth()
        .oauth2(moderator())
        .get("/v1/moderation/queue?dialogueId=" + dialogue)
        .then()
        .body("itemId", not(hasItem(c)));
    given()
        .auth()
        .oauth2(moderator())
        .get("/v1/moderation/decisions?itemId=" + c)
        .then()
        .statusCode(200)
        .body("decision", contains("KEEP", "AUTO_HIDE"))
        .body("moderator", contains("00000000-0000-4000-8000-000000000301", null));

    List<ConsumerRecord<String, String>> events =
        DialogueTopic.ofType(
            DialogueTopic.recordsOf(DialogueTopic.DIALOGUES, dialogue, MODERATED, 2), MODERATED);
    JsonNode hidden = DialogueTopic.body(events.get(0));
    assertEquals("AUTO_HIDE", hidden.get("decision").asText());
    assertEquals(c, hidden.get("contributionId").asText());
    assertEquals("01", hidden.get("district").asText());
    assertEquals("library", hidden.get("category").asText());
    assertEquals("KEEP", DialogueTopic.body(events.get(1)).get("decision").asText());
    assertFalse(events.get(0).value().contains("Kaufen"), "no text on Kafka");
  }

  @Test
  void theAuthorSeesTheReasonAndAppealsOnce() {
    String dialogue = openDialogue();
    String c = contribute(citizen2(), dialogue, contribution("Off topic", "outdoors", null));
    decide(ItemKind.CONTRIBUTION, c, "HIDE", null)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("reason"));
    decide(ItemKind.CONTRIBUTION, c, "HIDE", "Nicht zum Thema des Dialogs").then().statusCode(201);
    given()
        .auth()
        .oauth2(citizen2())
        .get("/v1/me/contributions")
        .then()
        .body("find { it.id == '" + c + "' }.status", equalTo("HIDDEN"))
        .body("find { it.id == '" + c + "' }.statusReason", equalTo("Nicht zum Thema des Dialogs"));

    Map<String, Object> appeal =
        Map.of("itemKind", "CONTRIBUTION", "itemId", c, "note", "Es geht doch ums Lernen");
    post("/v1/moderation/appeals", citizen1(), appeal).then().statusCode(404);
    post("/v1/moderation/appeals", citizen2(), appeal)
        .then()
        .statusCode(201)
        .body("decision", equalTo("APPEAL"));
    post("/v1/moderation/appeals", citizen2(), appeal).then().statusCode(409);
    given()
        .auth()
        .oauth2(moderator())
        .get("/v1/moderation/queue?dialogueId=" + dialogue)
        .then()
        .body("find { it.itemId == '" + c + "' }.appealed", equalTo(true))
        .body("find { it.itemId == '" + c + "' }.appeal", equalTo("Es geht doch ums Lernen"));

    decide(ItemKind.CONTRIBUTION, c, "REMOVE", "Bleibt nicht zum Thema").then().statusCode(201);
    given()
        .auth()
        .oauth2(moderator())
        .get("/v1/moderation/decisions?itemId=" + c)
        .then()
        .body("decision", contains("REMOVE", "APPEAL", "HIDE"));
    given()
        .auth()
        .oauth2(moderator())
        .get("/v1/moderation/queue?dialogueId=" + dialogue)
        .then()
        .body("itemId", not(hasItem(c)));
  }

  @Test
  void aHiddenCommentLeavesTheThreadAndItsCount() {
    String dialogue = openDialogue();
    String c =
        contribute(citizen1(), dialogue, contribution("Bibliothek Neustadt", "library", null));
    String comment =
        post("/v1/contributions/" + c + "/comments", citizen2(), Map.of("text", "Beleidigung"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given().get("/v1/contributions/" + c).then().body("commentCount", equalTo(1));
    post("/v1/comments/" + comment + "/reports", citizen1(), Map.of("reason", "OFFENSIVE"))
        .then()
        .statusCode(201)
        .body("hidden", equalTo(false));
    for (int i = 0; i < 2; i++) {
      moderation
          .report(
              ItemKind.COMMENT,
              UUID.fromString(comment),
              new ModerationCommands.Report(ReportReason.OFFENSIVE, null),
              "synthetic-" + UUID.randomUUID())
          .await()
          .indefinitely();
    }
    given().get("/v1/contributions/" + c + "/comments").then().body("id", not(hasItem(comment)));
    given().get("/v1/contributions/" + c).then().body("commentCount", equalTo(0));
    given()
        .auth()
        .oauth2(citizen2())
        .get("/v1/me/comments")
        .then()
        .statusCode(200)
        .body("find { it.id == '" + comment + "' }.status", equalTo("PENDING"))
        .body(
            "find { it.id == '" + comment + "' }.statusReason",
            equalTo("Hidden after reports of 3 citizens, pending review."));
    decide(ItemKind.COMMENT, comment, "KEEP", null).then().statusCode(201);
    given().get("/v1/contributions/" + c + "/comments").then().body("id", contains(comment));
    given().get("/v1/contributions/" + c).then().body("commentCount", equalTo(1));
  }

  @Test
  void anonymousContributionsWaitForAModerator() {
    Map<String, Object> definition = org.lernstadt.participation.Fixtures.dialogue();
    String named = openDialogue();
    definition.put("anonymousContributions", true);
    String dialogue = org.lernstadt.participation.Fixtures.create(definition);
    org.lernstadt.participation.Fixtures.phase(dialogue, "CONTRIBUTION");
    Map<String, Object> anonymous = contribution("Ohne Namen", "library", null);
    anonymous.put("anonymous", true);
    post("/v1/dialogues/" + named + "/contributions", citizen1(), anonymous)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("anonymous"));
    String c =
        post("/v1/dialogues/" + dialogue + "/contributions", citizen1(), anonymous)
            .then()
            .statusCode(201)
            .body("status", equalTo("PENDING"))
            .body("displayName", org.hamcrest.Matchers.nullValue())
            .extract()
            .path("id");
    given().get("/v1/contributions/" + c).then().statusCode(404);
    given()
        .auth()
        .oauth2(moderator())
        .get("/v1/moderation/queue?dialogueId=" + dialogue)
        .then()
        .body("itemId", contains(c))
        .body("[0].status", equalTo("PENDING"));
    decide(ItemKind.CONTRIBUTION, c, "KEEP", null).then().statusCode(201);
    given()
        .get("/v1/dialogues/" + dialogue + "/contributions")
        .then()
        .body("items.id", contains(c))
        .body("items[0].displayName", org.hamcrest.Matchers.nullValue());
  }

  private static io.restassured.response.Response decide(
      ItemKind kind, String id, String decision, String reason) {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("itemKind", kind.name());
    body.put("itemId", id);
    body.put("decision", decision);
    if (reason != null) {
      body.put("reason", reason);
    }
    return post("/v1/moderation/decisions", moderator(), body);
  }
}
