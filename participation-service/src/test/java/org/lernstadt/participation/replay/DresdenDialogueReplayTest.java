package org.lernstadt.participation.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.contribute;
import static org.lernstadt.participation.Fixtures.contribution;
import static org.lernstadt.participation.Fixtures.create;
import static org.lernstadt.participation.Fixtures.editor;
import static org.lernstadt.participation.Fixtures.moderator;
import static org.lernstadt.participation.Fixtures.phase;
import static org.lernstadt.participation.Fixtures.post;
import static org.lernstadt.participation.Fixtures.put;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.DialogueTopic;
import org.lernstadt.participation.Fixtures;
import org.lernstadt.participation.contribution.domain.ItemKind;
import org.lernstadt.participation.contribution.service.CommentCommand;
import org.lernstadt.participation.contribution.service.CommentService;
import org.lernstadt.participation.contribution.service.ContributionCommand;
import org.lernstadt.participation.contribution.service.ContributionService;
import org.lernstadt.participation.contribution.service.RatingService;
import org.lernstadt.participation.meeting.service.MeetingService;
import org.lernstadt.participation.moderation.domain.ReportReason;
import org.lernstadt.participation.moderation.service.ModerationCommands;
import org.lernstadt.participation.moderation.service.ModerationService;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Dresden's citizen dialogue "Wo lernen Sie in Dresden?" at its real size: 76 contributions, 6
 * comments and 195 ratings, results published. The realm's two citizens, the moderator and the
 * editor act through REST with real tokens (and anonymous callers are refused); the many other
 * citizens act through the services with synthetic subjects, since the realm has too few users. A
 * spam contribution is removed by a moderator, another is hidden at its third report and restored;
 * the kick-off fills up and its waiting list moves up. The published results and the events on the
 * broker match what was submitted.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class DresdenDialogueReplayTest {

  private static final String P = "org.lernstadt.participation.";
  private static final List<String> CATEGORIES =
      List.of("library", "adult-education", "museum", "outdoors", "digital", "workplace", "other");
  private static final String CITIZEN1 = "00000000-0000-4000-8000-000000000101";
  private static final String CITIZEN2 = "00000000-0000-4000-8000-000000000102";

  @Inject ContributionService contributions;
  @Inject CommentService comments;
  @Inject RatingService ratings;
  @Inject ModerationService moderation;
  @Inject MeetingService meetings;

  /** What was submitted, to compare the published results with. */
  private final List<String> ids = new ArrayList<>();

  private final Map<String, String> categoryOf = new HashMap<>();
  private final Map<String, String> districtOf = new HashMap<>();
  private final Map<String, Integer> scoreOf = new HashMap<>();
  private final Map<String, Integer> ratingsOf = new HashMap<>();
  private final Set<String> participants = new HashSet<>();

  @Test
  void replayTheDialogueAndPublishItsResults() {
    Map<String, Object> definition = Fixtures.dialogue();
    definition.put("categories", CATEGORIES);
    List<String> districts = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      districts.add(String.format("%02d", i));
    }
    definition.put("districts", districts);
    String d = create(definition);
    UUID dialogue = UUID.fromString(d);
    phase(d, "CONTRIBUTION");

    // Role checks with real tokens.
    given()
        .contentType("application/json")
        .body(contribution("anonym", "library", null))
        .post("/v1/dialogues/" + d + "/contributions")
        .then()
        .statusCode(401);
    post("/v1/dialogues/" + d + "/contributions", moderator(), contribution("m", "library", null))
        .then()
        .statusCode(403);
    post("/v1/dialogues/" + d + "/phase", citizen1(), Map.of("phase", "CLOSED"))
        .then()
        .statusCode(403);

    // 76 contributions: 3 each by the realm's citizens (REST), 70 by 35 synthetic citizens.
    for (int k = 0; k < 76; k++) {
      String category = CATEGORIES.get(k % CATEGORIES.size());
      String district = k % 19 == 0 ? null : String.format("%02d", k % 10 + 1);
      String text = "Ich lerne hier: Lernort Nummer " + k + " in Dresden";
      String id;
      String author;
      if (k < 6) {
        author = k % 2 == 0 ? CITIZEN1 : CITIZEN2;
        id =
            contribute(
                k % 2 == 0 ? citizen1() : citizen2(), d, contribution(text, category, district));
      } else {
        author = "dresden-author-" + (k / 2) + "-" + d;
        id =
            contributions
                .submit(
                    dialogue,
                    new ContributionCommand(text, category, district, null, null, null, null),
                    author)
                .await()
                .indefinitely()
                .id()
                .toString();
      }
      ids.add(id);
      categoryOf.put(id, category);
      districtOf.put(id, district);
      scoreOf.put(id, 0);
      ratingsOf.put(id, 0);
      participants.add(author);
    }
    String spam =
        contribute(citizen2(), d, contribution("Billige Uhren hier kaufen", "other", "03"));

    // 6 comments: 2 through REST, 4 by synthetic citizens, one of them a reply.
    String first =
        post(
                "/v1/contributions/" + ids.get(10) + "/comments",
                citizen1(),
                Map.of("text", "Ja, dort auch!"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    post(
            "/v1/contributions/" + ids.get(11) + "/comments",
            citizen2(),
            Map.of("text", "Gute Öffnungszeiten"))
        .then()
        .statusCode(201);
    for (int c = 0; c < 4; c++) {
      String who = "dresden-commenter-" + c + "-" + d;
      comments
          .post(
              UUID.fromString(ids.get(10 + c)),
              new CommentCommand(
                  "Kommentar " + c, c == 0 ? UUID.fromString(first) : null, null, null),
              who)
          .await()
          .indefinitely();
      participants.add(who);
    }

    // 195 ratings: 4 through REST, 191 by synthetic citizens, ten ratings each, no pair twice.
    rateRest(citizen1(), CITIZEN1, ids.get(0), 1);
    rateRest(citizen1(), CITIZEN1, ids.get(1), 1);
    rateRest(citizen2(), CITIZEN2, ids.get(2), 1);
    rateRest(citizen2(), CITIZEN2, ids.get(3), -1);
    for (int i = 0; i < 191; i++) {
      String rater = "dresden-rater-" + (i / 10) + "-" + d;
      String id = ids.get((i * 13) % 76);
      int value = i % 5 == 0 ? -1 : 1;
      ratings.rate(UUID.fromString(id), value, rater).await().indefinitely();
      record(rater, id, value);
    }
    assertEquals(195, ratingsOf.values().stream().mapToInt(Integer::intValue).sum());

    // The spam: reported by both citizens and a third, hidden, then removed by the moderator.
    post("/v1/contributions/" + spam + "/reports", citizen1(), Map.of("reason", "SPAM"))
        .then()
        .statusCode(201);
    post("/v1/contributions/" + spam + "/reports", citizen2(), Map.of("reason", "SPAM"))
        .then()
        .statusCode(201);
    assertTrue(reportAsSynthetic(spam));
    decide(spam, "REMOVE", "Werbung").then().statusCode(201);
    // A real contribution reported by three is hidden and restored.
    String contested = ids.get(20);
    post("/v1/contributions/" + contested + "/reports", citizen1(), Map.of("reason", "OFF_TOPIC"))
        .then()
        .statusCode(201);
    reportAsSynthetic(contested);
    assertTrue(reportAsSynthetic(contested));
    given().get("/v1/contributions/" + contested).then().statusCode(404);
    post("/v1/moderation/decisions", citizen1(), Map.of()).then().statusCode(403);
    decide(contested, "KEEP", null).then().statusCode(201);
    given().get("/v1/contributions/" + contested).then().statusCode(200);

    // The kick-off: 140 places, 142 registrations, one cancels, the first waiting moves up.
    String kickOff = kickOff(d);
    UUID event = UUID.fromString(kickOff);
    List<String> registrants = new ArrayList<>();
    for (int i = 0; i < 142; i++) {
      String who = "dresden-guest-" + i + "-" + d;
      registrants.add(who);
      meetings.register(event, who).await().indefinitely();
    }
    given()
        .get("/v1/events/" + kickOff)
        .then()
        .body("registered", equalTo(140))
        .body("waitlisted", equalTo(2));
    meetings.cancel(event, registrants.get(5)).await().indefinitely();
    assertEquals(
        "REGISTERED", meetings.mine(event, registrants.get(140)).await().indefinitely().status());
    assertEquals(1, meetings.mine(event, registrants.get(141)).await().indefinitely().position());

    // Live statistics while it runs, then closed and published.
    given().get("/v1/dialogues/" + d + "/stats").then().body("totals.contributions", equalTo(76));
    phase(d, "RATING");
    phase(d, "CLOSED");
    phase(d, "RESULTS_PUBLISHED");

    JsonPath results =
        given().get("/v1/dialogues/" + d + "/results").then().statusCode(200).extract().jsonPath();
    assertEquals(76, results.getInt("totals.contributions"));
    assertEquals(6, results.getInt("totals.comments"));
    assertEquals(195, results.getInt("totals.ratings"));
    assertEquals(participants.size(), results.getInt("totals.participants"));
    Map<String, Integer> perCategory = new TreeMap<>();
    ids.forEach(id -> perCategory.merge(categoryOf.get(id), 1, Integer::sum));
    Map<String, Integer> publishedPerCategory = new TreeMap<>();
    List<Map<String, Object>> categories = results.getList("perCategory");
    categories.forEach(
        c ->
            publishedPerCategory.put((String) c.get("category"), (Integer) c.get("contributions")));
    assertEquals(perCategory, publishedPerCategory);
    Map<String, Integer> perDistrict = new TreeMap<>();
    ids.forEach(id -> perDistrict.merge(String.valueOf(districtOf.get(id)), 1, Integer::sum));
    Map<String, Integer> publishedPerDistrict = new TreeMap<>();
    List<Map<String, Object>> byDistrict = results.getList("perDistrict");
    byDistrict.forEach(
        c ->
            publishedPerDistrict.put(
                String.valueOf(c.get("district")), (Integer) c.get("contributions")));
    assertEquals(perDistrict, publishedPerDistrict);
    int best = scoreOf.values().stream().max(Integer::compare).orElseThrow();
    assertEquals(best, results.getDouble("topRated[0].ratingScore"));
    assertEquals(10, results.getList("topRated").size());

    // The events on the broker tell the same story, schema-valid and without identities.
    List<ConsumerRecord<String, String>> records =
        DialogueTopic.recordsOf(DialogueTopic.DIALOGUES, d, P + "dialogue.results-published.v1", 1);
    Map<String, Integer> types = new LinkedHashMap<>();
    records.forEach(r -> types.merge(DialogueTopic.type(r), 1, Integer::sum));
    assertEquals(77, types.get(P + "contribution.submitted.v1"));
    assertEquals(6, types.get(P + "comment.posted.v1"));
    assertEquals(195, types.get(P + "rating.given.v1"));
    assertEquals(4, types.get(P + "contribution.moderated.v1"));
    JsonNode published = DialogueTopic.body(records.getLast());
    assertEquals(76, published.at("/totals/contributions").asInt());
    assertEquals(6, published.at("/totals/comments").asInt());
    assertEquals(195, published.at("/totals/ratings").asInt());
    records.forEach(r -> assertTrue(!r.value().contains("dresden-"), "no subject in " + r.value()));
    List<ConsumerRecord<String, String>> eventRecords =
        DialogueTopic.recordsOf(DialogueTopic.EVENTS, kickOff, P + "event.registration.v1", 143);
    JsonNode last = DialogueTopic.body(eventRecords.getLast());
    assertEquals(140, last.get("registered").asInt());
    assertEquals(1, last.get("waitlisted").asInt());
  }

  private void rateRest(String token, String subject, String id, int value) {
    put("/v1/contributions/" + id + "/rating", token, Map.of("value", value))
        .then()
        .statusCode(200);
    record(subject, id, value);
  }

  private void record(String rater, String id, int value) {
    scoreOf.merge(id, value, Integer::sum);
    ratingsOf.merge(id, 1, Integer::sum);
    participants.add(rater);
  }

  private boolean reportAsSynthetic(String id) {
    return moderation
        .report(
            ItemKind.CONTRIBUTION,
            UUID.fromString(id),
            new ModerationCommands.Report(ReportReason.SPAM, null),
            "dresden-reporter-" + UUID.randomUUID())
        .await()
        .indefinitely()
        .hidden();
  }

  private static io.restassured.response.Response decide(
      String id, String decision, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("itemKind", "CONTRIBUTION");
    body.put("itemId", id);
    body.put("decision", decision);
    if (reason != null) {
      body.put("reason", reason);
    }
    return post("/v1/moderation/decisions", moderator(), body);
  }

  private static String kickOff(String dialogue) {
    Map<String, Object> e = new HashMap<>();
    e.put("dialogueId", dialogue);
    e.put("kind", "KICK_OFF");
    e.put("title", "Auftaktveranstaltung: Wo lernen Sie in Dresden?");
    e.put("startsAt", OffsetDateTime.now().plusDays(14).toString());
    e.put("place", "Zentralbibliothek im Kulturpalast");
    e.put("district", "01");
    e.put("capacity", 140);
    return post("/v1/events", editor(), e).then().statusCode(201).extract().path("id");
  }
}
