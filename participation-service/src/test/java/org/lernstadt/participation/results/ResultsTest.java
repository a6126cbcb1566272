package org.lernstadt.participation.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
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
import static org.lernstadt.participation.Fixtures.editor;
import static org.lernstadt.participation.Fixtures.moderator;
import static org.lernstadt.participation.Fixtures.openDialogue;
import static org.lernstadt.participation.Fixtures.phase;
import static org.lernstadt.participation.Fixtures.post;
import static org.lernstadt.participation.Fixtures.put;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Results, live statistics, the map layer and the open-data export show exactly the public items: a
 * removed and a deleted contribution and a hidden comment are in none of them.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ResultsTest {

  @Test
  void onlyPublicItemsReachResultsMapAndExport() {
    String d = openDialogue();
    Map<String, Object> located =
        contribution("Lesecafé, \"Bibliothek\" am Markt", "library", "01");
    located.put("location", Map.of("lat", 51.05, "lon", 13.74));
    located.put("displayName", "Anna Beispiel");
    String a = contribute(citizen1(), d, located);
    String b = contribute(citizen2(), d, contribution("=HYPERLINK(\"x\")", "outdoors", "02"));
    Map<String, Object> removedOne = contribution("Geheimer Spam", "library", "01");
    removedOne.put("location", Map.of("lat", 51.06, "lon", 13.75));
    String removed = contribute(citizen2(), d, removedOne);
    String deleted = contribute(citizen1(), d, contribution("Zurückgezogen", "library", "02"));
    put("/v1/contributions/" + a + "/rating", citizen2(), Map.of("value", 1))
        .then()
        .statusCode(200);
    put("/v1/contributions/" + b + "/rating", citizen1(), Map.of("value", 1))
        .then()
        .statusCode(200);
    put("/v1/contributions/" + b + "/rating", citizen2(), Map.of("value", 1))
        .then()
        .statusCode(200);
    put("/v1/contributions/" + removed + "/rating", citizen1(), Map.of("value", 1))
        .then()
        .statusCode(200);
    String comment =
        post("/v1/contributions/" + a + "/comments", citizen2(), Map.of("text", "Stimmt"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String hiddenComment =
        post("/v1/contributions/" + a + "/comments", citizen1(), Map.of("text", "Unsinn"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    decide("CONTRIBUTION", removed, "REMOVE");
    decide("COMMENT", hiddenComment, "HIDE");
    given().auth().oauth2(citizen1()).delete("/v1/contributions/" + deleted).then().statusCode(204);

    given()
        .get("/v1/dialogues/" + d + "/stats")
        .then()
        .statusCode(200)
        .body("totals.contributions", equalTo(2))
        .body("totals.comments", equalTo(1))
        .body("totals.ratings", equalTo(3))
        .body("totals.participants", equalTo(2));
    given().get("/v1/dialogues/" + d + "/results").then().statusCode(404);

    put(
            "/v1/dialogues/" + d + "/answers/categories/library",
            editor(),
            Map.of(
                "status", "ACCEPTED", "progress", 40, "text", "Wir verlängern die Öffnungszeiten."))
        .then()
        .statusCode(200)
        .body("category", equalTo("library"));
    put(
            "/v1/contributions/" + b + "/answer",
            editor(),
            Map.of("status", "UNDER_CONSIDERATION", "progress", 0, "text", "Wird geprüft"))
        .then()
        .statusCode(200);
    put(
            "/v1/contributions/" + b + "/answer",
            citizen1(),
            Map.of("status", "ACCEPTED", "progress", 0, "text", "Ja"))
        .then()
        .statusCode(403);
    put(
            "/v1/dialogues/" + d + "/answers/categories/library",
            editor(),
            Map.of("status", "DONE", "progress", 101, "text", "x"))
        .then()
        .statusCode(422);

    phase(d, "CLOSED");
    phase(d, "RESULTS_PUBLISHED");
    // The answer changes after publication: citizens follow the progress.
    put(
            "/v1/dialogues/" + d + "/answers/categories/library",
            editor(),
            Map.of("status", "IMPLEMENTED", "progress", 100, "text", "Umgesetzt."))
        .then()
        .statusCode(200);

    JsonPath results =
        given().get("/v1/dialogues/" + d + "/results").then().statusCode(200).extract().jsonPath();
    assertEquals(2, results.getInt("totals.contributions"));
    assertEquals(1, results.getInt("totals.comments"));
    assertEquals(3, results.getInt("totals.ratings"));
    assertEquals(2, results.getInt("totals.participants"));
    assertEquals(List.of("library", "outdoors"), results.getList("perCategory.category"));
    assertEquals(List.of(1, 1), results.getList("perCategory.contributions"));
    assertEquals(List.of("01", "02"), results.getList("perDistrict.district"));
    assertEquals(List.of(b, a), results.getList("topRated.id"));
    assertEquals(
        "IMPLEMENTED", results.getString("answers.find { it.category == 'library' }.status"));
    assertEquals(100, results.getInt("answers.find { it.category == 'library' }.progress"));
    assertEquals(b, results.getString("answers.find { it.category == null }.contributionId"));

    given()
        .get("/v1/dialogues/" + d + "/map")
        .then()
        .statusCode(200)
        .contentType("application/geo+json")
        .body("type", equalTo("FeatureCollection"))
        .body("features.id", contains(a))
        .body("features[0].geometry.coordinates", contains(13.74f, 51.05f))
        .body("features[0].properties.category", equalTo("library"));

    String json =
        given()
            .accept("application/json")
            .get("/v1/dialogues/" + d + "/export")
            .then()
            .statusCode(200)
            .body("contributions.id", contains(a, b))
            .body("comments.id", contains(comment))
            .body("fields.contributions.text", containsString("plain text"))
            .extract()
            .asString();
    assertFalse(json.contains("Geheimer Spam"));
    assertFalse(json.contains("Unsinn"));
    assertFalse(json.contains("Anna Beispiel"), "no display names in open data");
    assertFalse(json.contains("00000000-0000-4000-8000-"), "no subjects in open data");

    String csv =
        given()
            .accept("text/csv")
            .get("/v1/dialogues/" + d + "/export")
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    String[] lines = csv.split("\r\n");
    assertEquals(3, lines.length);
    assertEquals(
        "id,dialogueId,category,district,lat,lon,placeRef,text,ratingCount,ratingScore,commentCount,createdAt",
        lines[0]);
    assertTrue(lines[1].contains("\"Lesecafé, \"\"Bibliothek\"\" am Markt\""), lines[1]);
    assertTrue(lines[2].contains("\"'=HYPERLINK(\"\"x\"\")\""), lines[2]);
    String comments =
        given()
            .accept("text/csv")
            .get("/v1/dialogues/" + d + "/export?entity=comments")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertEquals(2, comments.split("\r\n").length);
    given()
        .accept("text/csv")
        .get("/v1/dialogues/" + d + "/export?entity=people")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("entity"));
    given()
        .get("/v1/dialogues/" + d + "/answers")
        .then()
        .statusCode(200)
        .body("contributionId", hasItem(b))
        .body("status", not(hasItem("DONE")));
  }

  private static void decide(String kind, String id, String decision) {
    post(
            "/v1/moderation/decisions",
            moderator(),
            Map.of("itemKind", kind, "itemId", id, "decision", decision, "reason", "Verstoß"))
        .then()
        .statusCode(201);
  }
}
