package org.lernstadt.participation.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.editor;
import static org.lernstadt.participation.Fixtures.moderator;
import static org.lernstadt.participation.Fixtures.openDialogue;
import static org.lernstadt.participation.Fixtures.phase;
import static org.lernstadt.participation.Fixtures.post;
import static org.lernstadt.participation.Fixtures.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.DialogueTopic;
import org.lernstadt.participation.survey.service.SurveyCommand;
import org.lernstadt.participation.survey.service.SurveyService;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Surveys and observation projects share one form mechanism. A survey answered from several
 * districts publishes aggregates that match the answers and suppress a district with too few;
 * observations are accepted or rejected by a moderator. Responses beyond the realm's two citizens
 * go through {@link SurveyService} with synthetic subjects.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class SurveyAndObservationTest {

  private static final String PUBLISHED = "org.lernstadt.participation.survey.results-published.v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject SurveyService surveys;

  @Test
  void aSurveyPublishesMatchingAggregatesAndSuppressesSmallCells() throws Exception {
    String d = openDialogue();
    String survey = "/v1/dialogues/" + d + "/survey";
    Map<String, Object> definition = survey();
    put(survey, citizen1(), definition).then().statusCode(403);
    Map<String, Object> twice = survey();
    twice.put("fields", List.of(field("a", "NUMBER"), field("a", "NUMBER")));
    put(survey, editor(), twice)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("fields[1].code"));
    put(survey, editor(), definition).then().statusCode(200).body("minCellSize", equalTo(3));
    given().get(survey).then().statusCode(200).body("fields.code[2]", equalTo("learns_in_library"));

    String responses = "/v1/dialogues/" + d + "/responses";
    post(
            responses,
            citizen1(),
            answers("01", "yes", List.of("library", "online"), 5, "Mehr Abendkurse"))
        .then()
        .statusCode(201);
    post(responses, citizen1(), answers("01", "no", List.of("library"), 1, null))
        .then()
        .statusCode(409)
        .body("detail", equalTo("You have answered this survey already."));
    Map<String, Object> unknown = answers("02", "yes", List.of("vhs"), 3, null);
    ((Map<String, Object>) unknown.get("answers")).put("income", 1000);
    post(responses, citizen2(), unknown)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("answers.income"));
    post(responses, citizen2(), answers("02", "maybe", List.of("vhs"), 3, null))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("answers.learns_in_library"));
    post(responses, citizen2(), answers("02", "yes", List.of("vhs"), 6, null))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("answers.satisfaction"));
    post(responses, citizen2(), answers("02", "yes", List.of("vhs"), 4, null))
        .then()
        .statusCode(201);

    // District 01: five answers; 02: two (below the minimum of 3); 03: exactly three.
    respond(d, "01", "yes", List.of("library"), 4);
    respond(d, "01", "no", List.of("online"), 2);
    respond(d, "01", "yes", List.of("library", "museum"), 3);
    respond(d, "01", "no", List.of("vhs"), 1);
    respond(d, "02", "no", List.of("vhs"), 2);
    respond(d, "03", "yes", List.of("library"), 5);
    respond(d, "03", "yes", List.of("museum"), 5);
    respond(d, "03", "no", List.of("online"), 2);

    given().get(survey + "/results").then().statusCode(404);
    post(survey + "/results", citizen1(), Map.of()).then().statusCode(403);
    JsonPath results =
        post(survey + "/results", editor(), Map.of()).then().statusCode(200).extract().jsonPath();
    assertEquals(10, results.getInt("responses"));
    assertEquals(
        List.of("age", "learns_in_library", "places", "satisfaction"),
        results.getList("questions.code"));
    String library = "questions.find { it.code == 'learns_in_library' }.perDistrict";
    assertEquals(List.of("01", "02", "03"), results.getList(library + ".district"));
    assertEquals(List.of(5, 2, 3), results.getList(library + ".responses"));
    assertEquals(List.of(false, true, false), results.getList(library + ".suppressed"));
    assertEquals(Map.of("yes", 3, "no", 2), results.getMap(library + "[0].values"));
    assertNull(results.get(library + "[1].values"));
    assertEquals(Map.of("yes", 2, "no", 1), results.getMap(library + "[2].values"));
    String places = "questions.find { it.code == 'places' }.perDistrict[0].values";
    assertEquals(Map.of("library", 3, "vhs", 1, "online", 2, "museum", 1), results.getMap(places));
    String satisfaction = "questions.find { it.code == 'satisfaction' }.perDistrict";
    assertEquals(3.0f, results.getFloat(satisfaction + "[0].values.mean"));
    assertEquals(4.0f, results.getFloat(satisfaction + "[2].values.mean"));

    given().get(survey + "/results").then().statusCode(200).body("responses", equalTo(10));
    post(survey + "/results", editor(), Map.of()).then().statusCode(409);
    put(survey, editor(), definition).then().statusCode(409);

    ConsumerRecord<String, String> record =
        DialogueTopic.ofType(
                DialogueTopic.recordsOf(DialogueTopic.DIALOGUES, d, PUBLISHED, 1), PUBLISHED)
            .get(0);
    JsonNode body = DialogueTopic.body(record);
    assertFalse(record.value().contains("Abendkurse"), "no free text on Kafka");
    JsonNode question = body.get("questions").get(1);
    assertEquals("learns_in_library", question.get("code").asText());
    assertEquals("SINGLE_CHOICE", question.get("kind").asText());
    assertTrue(question.at("/perDistrict/1/suppressed").asBoolean());
    assertTrue(question.at("/perDistrict/1/values").isMissingNode());
    assertEquals(3, question.at("/perDistrict/0/values/yes").asInt());

    phase(d, "RATING");
    post(responses, citizen2(), answers("02", "yes", List.of("vhs"), 4, null))
        .then()
        .statusCode(409);
  }

  @Test
  void observationsAreReviewedAndOnlyAcceptedOnesArePublic() {
    Map<String, Object> project = new HashMap<>();
    project.put("title", "Lernorte im Quartier");
    project.put(
        "fields",
        List.of(
            Map.of(
                "code",
                "kind",
                "kind",
                "SINGLE_CHOICE",
                "label",
                "Art des Lernorts",
                "required",
                true,
                "options",
                List.of(
                    Map.of("code", "garden", "label", "Garten"),
                    Map.of("code", "lab", "label", "Labor"))),
            Map.of("code", "district", "kind", "DISTRICT", "label", "Stadtteil"),
            Map.of("code", "visitors", "kind", "NUMBER", "label", "Besucher", "min", 0)));
    post("/v1/projects", citizen1(), project).then().statusCode(403);
    String id = post("/v1/projects", editor(), project).then().statusCode(201).extract().path("id");
    String observations = "/v1/projects/" + id + "/observations";

    String accepted = observe(observations, citizen1(), "garden", "04", 12);
    String rejected = observe(observations, citizen2(), "lab", "05", 3);
    post(observations, citizen1(), observation("pool", "04", 1))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("values.kind"));
    post(observations, citizen1(), observation("garden", "04", -1))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("values.visitors"));
    given().get(observations).then().statusCode(200).body("$", org.hamcrest.Matchers.empty());
    given().auth().oauth2(citizen1()).get(observations + "/pending").then().statusCode(403);
    given()
        .auth()
        .oauth2(moderator())
        .get(observations + "/pending")
        .then()
        .body("id", contains(accepted, rejected));

    post(observations + "/" + accepted + "/review", moderator(), Map.of("decision", "ACCEPT"))
        .then()
        .statusCode(200)
        .body("status", equalTo("ACCEPTED"));
    post(
            observations + "/" + rejected + "/review",
            moderator(),
            Map.of("decision", "REJECT", "reason", "Kein Lernort"))
        .then()
        .statusCode(200)
        .body("status", equalTo("REJECTED"));
    post(observations + "/" + rejected + "/review", moderator(), Map.of("decision", "ACCEPT"))
        .then()
        .statusCode(409);
    given()
        .get(observations)
        .then()
        .body("id", contains(accepted))
        .body("[0].district", equalTo("04"))
        .body("[0].values.visitors", equalTo(12.0f));
    given()
        .get(observations + "/map")
        .then()
        .statusCode(200)
        .contentType("application/geo+json")
        .body("features.id", contains(accepted))
        .body("features[0].geometry.coordinates", contains(7.1f, 51.5f))
        .body("features[0].properties.values.kind", equalTo("garden"));

    String accepted1 = "org.lernstadt.participation.observation.accepted.v1";
    List<ConsumerRecord<String, String>> records =
        DialogueTopic.recordsOf(DialogueTopic.DIALOGUES, id, accepted1, 1);
    assertEquals(1, records.size());
    assertEquals(accepted, DialogueTopic.body(records.get(0)).get("observationId").asText());
    assertEquals("04", DialogueTopic.body(records.get(0)).get("district").asText());
  }

  private void respond(
      String dialogue, String district, String library, List<String> places, int satisfaction)
      throws Exception {
    JsonNode answers =
        JSON.valueToTree(answers(district, library, places, satisfaction, null).get("answers"));
    surveys
        .respond(
            UUID.fromString(dialogue),
            new SurveyCommand.Answers(answers),
            "survey-" + UUID.randomUUID())
        .await()
        .indefinitely();
  }

  private static Map<String, Object> survey() {
    Map<String, Object> s = new HashMap<>();
    s.put("title", "Wo lernen Sie in Dresden?");
    s.put("minCellSize", 3);
    Map<String, Object> district = field("district", "DISTRICT");
    district.put("required", true);
    Map<String, Object> library = field("learns_in_library", "SINGLE_CHOICE");
    library.put("required", true);
    library.put("options", List.of(option("yes"), option("no")));
    Map<String, Object> places = field("places", "MULTIPLE_CHOICE");
    places.put(
        "options", List.of(option("library"), option("vhs"), option("online"), option("museum")));
    Map<String, Object> satisfaction = field("satisfaction", "SCALE");
    s.put(
        "fields",
        List.of(
            district,
            field("age", "AGE_BAND"),
            library,
            places,
            satisfaction,
            field("wish", "SHORT_TEXT")));
    return s;
  }

  private static Map<String, Object> field(String code, String kind) {
    Map<String, Object> f = new HashMap<>();
    f.put("code", code);
    f.put("kind", kind);
    f.put("label", "Frage " + code);
    return f;
  }

  private static Map<String, Object> option(String code) {
    return Map.of("code", code, "label", code);
  }

  private static Map<String, Object> answers(
      String district, String library, List<String> places, int satisfaction, String wish) {
    Map<String, Object> a = new HashMap<>();
    a.put("district", district);
    a.put("age", "25-44");
    a.put("learns_in_library", library);
    a.put("places", places);
    a.put("satisfaction", satisfaction);
    if (wish != null) {
      a.put("wish", wish);
    }
    Map<String, Object> body = new HashMap<>();
    body.put("answers", a);
    return body;
  }

  private static String observe(
      String path, String token, String kind, String district, int visitors) {
    return post(path, token, observation(kind, district, visitors))
        .then()
        .statusCode(201)
        .body("status", equalTo("SUBMITTED"))
        .extract()
        .path("id");
  }

  private static Map<String, Object> observation(String kind, String district, int visitors) {
    return Map.of(
        "values",
        Map.of("kind", kind, "district", district, "visitors", visitors),
        "location",
        Map.of("lat", 51.5, "lon", 7.1),
        "observedAt",
        OffsetDateTime.now().minusHours(1).toString());
  }
}
