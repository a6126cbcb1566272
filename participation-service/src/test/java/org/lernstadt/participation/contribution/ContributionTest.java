package org.lernstadt.participation.contribution;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.contribute;
import static org.lernstadt.participation.Fixtures.contribution;
import static org.lernstadt.participation.Fixtures.openDialogue;
import static org.lernstadt.participation.Fixtures.post;
import static org.lernstadt.participation.Fixtures.put;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * Citizens contribute as plain text within the limits; anyone lists the public contributions
 * sorted, filtered and paged; similar ones are suggested; authors delete their own.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ContributionTest {

  @Test
  void markupIsStoredAsPlainTextAndLimitsAreChecked() {
    String id = openDialogue();
    Map<String, Object> c =
        contribution(
            "<p>Ich lerne in der <b>Stadtbibliothek</b><script>alert(1)</script></p>",
            "library",
            "01");
    c.put("location", Map.of("lat", 51.05, "lon", 13.74));
    c.put("displayName", "<i>Anna</i>");
    c.put("placeRef", "place:4711");
    String cid = contribute(citizen1(), id, c);
    given()
        .get("/v1/contributions/" + cid)
        .then()
        .statusCode(200)
        .body("text", equalTo("Ich lerne in der Stadtbibliothekalert(1)"))
        .body("displayName", equalTo("Anna"))
        .body("location.lat", equalTo(51.05f))
        .body("placeRef", equalTo("place:4711"))
        .body("status", equalTo("VISIBLE"));

    post(
            "/v1/dialogues/" + id + "/contributions",
            citizen1(),
            contribution("x".repeat(2001), "library", null))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("text"));
    post(
            "/v1/dialogues/" + id + "/contributions",
            citizen1(),
            contribution("<b></b>", "library", null))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("text"));
    post(
            "/v1/dialogues/" + id + "/contributions",
            citizen1(),
            contribution("Museum", "sports", null))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("category"));
    Map<String, Object> far = contribution("Mond", "library", null);
    far.put("location", Map.of("lat", 91, "lon", 0));
    post("/v1/dialogues/" + id + "/contributions", citizen1(), far)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("location.lat"));
    post(
            "/v1/dialogues/" + id + "/contributions",
            Tokens.forUser("moderator1"),
            contribution("m", "library", null))
        .then()
        .statusCode(403);
  }

  @Test
  void listsSortFilterAndPage() {
    String id = openDialogue();
    Map<String, Object> inCentre = contribution("Altstadt Bibliothek", "library", "01");
    inCentre.put("location", Map.of("lat", 51.05, "lon", 13.74));
    String a = contribute(citizen1(), id, inCentre);
    String b = contribute(citizen1(), id, contribution("Elbwiesen lernen", "outdoors", "02"));
    String c =
        contribute(citizen2(), id, contribution("Stadtteilbibliothek Pieschen", "library", "02"));
    put("/v1/contributions/" + b + "/rating", citizen1(), Map.of("value", 1))
        .then()
        .statusCode(200);
    put("/v1/contributions/" + b + "/rating", citizen2(), Map.of("value", 1))
        .then()
        .statusCode(200);
    put("/v1/contributions/" + c + "/rating", citizen2(), Map.of("value", 1))
        .then()
        .statusCode(200);
    put("/v1/contributions/" + a + "/rating", citizen2(), Map.of("value", -1))
        .then()
        .statusCode(200);
    post("/v1/contributions/" + a + "/comments", citizen2(), Map.of("text", "Ja!"))
        .then()
        .statusCode(201);

    String list = "/v1/dialogues/" + id + "/contributions";
    given().get(list + "?sort=top").then().statusCode(200).body("items.id", contains(b, c, a));
    given().get(list + "?sort=new").then().body("items.id", contains(c, b, a));
    given().get(list + "?sort=discussed").then().body("items.id", contains(a, c, b));
    given().get(list + "?category=library&sort=new").then().body("items.id", contains(c, a));
    given().get(list + "?district=02&sort=top").then().body("items.id", contains(b, c));
    given().get(list + "?bbox=13.7,51.0,13.8,51.1").then().body("items.id", contains(a));
    given()
        .get(list + "?bbox=13.8,51.0,13.7,51.1")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("bbox"));
    given()
        .get(list + "?sort=best")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sort"));

    String next =
        given()
            .get(list + "?sort=top&limit=2")
            .then()
            .body("items.id", contains(b, c))
            .body("next", notNullValue())
            .extract()
            .path("next");
    given()
        .get(list + "?sort=top&limit=2&cursor=" + next)
        .then()
        .body("items.id", contains(a))
        .body("next", nullValue());
  }

  @Test
  void similarContributionsAreSuggested() {
    String id = openDialogue();
    String library =
        contribute(
            citizen1(),
            id,
            contribution("Lernen in der Stadtbibliothek am Wiener Platz", "library", null));
    contribute(
        citizen1(), id, contribution("Volkshochschule Abendkurse Spanisch", "outdoors", null));
    given()
        .queryParam("text", "Stadtbibliothek Wiener Platz")
        .get("/v1/dialogues/" + id + "/contributions/similar")
        .then()
        .statusCode(200)
        .body("id", contains(library));
    given()
        .queryParam("text", "Schwimmbad")
        .get("/v1/dialogues/" + id + "/contributions/similar")
        .then()
        .body("$", empty());
  }

  @Test
  void anAuthorDeletesTheirContributionWhichIsThenAnonymised() {
    String id = openDialogue();
    String mine = contribute(citizen1(), id, contribution("Bitte löschen", "library", "01"));
    given().auth().oauth2(citizen2()).delete("/v1/contributions/" + mine).then().statusCode(404);
    given().auth().oauth2(citizen1()).delete("/v1/contributions/" + mine).then().statusCode(204);
    given().get("/v1/contributions/" + mine).then().statusCode(404);
    given()
        .get("/v1/dialogues/" + id + "/contributions")
        .then()
        .body("items.id", not(hasItem(mine)));
    // Anonymised: no longer the citizen's, so not in their own list either.
    given()
        .auth()
        .oauth2(citizen1())
        .get("/v1/me/contributions")
        .then()
        .statusCode(200)
        .body("id", not(hasItem(mine)));
  }

  @Test
  void aBurstOfContributionsIsRefusedWithRetryAfter() {
    String id = openDialogue();
    for (int i = 0; i < 5; i++) {
      contribute(citizen2(), id, contribution("Beitrag " + i, "library", null));
    }
    String retryAfter =
        post(
                "/v1/dialogues/" + id + "/contributions",
                citizen2(),
                contribution("Spam", "library", null))
            .then()
            .statusCode(429)
            .contentType("application/problem+json")
            .body("status", equalTo(429))
            .extract()
            .header("Retry-After");
    assertNotNull(retryAfter);
    assertEquals(true, Long.parseLong(retryAfter) >= 1);
    // Another citizen in the same dialogue is not affected.
    contribute(citizen1(), id, contribution("Mein Beitrag", "library", null));
    assertEquals(
        6, (int) given().get("/v1/dialogues/" + id + "/contributions").path("items.size()"));
  }
}
