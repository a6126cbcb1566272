package org.lernstadt.participation.dialogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.participation.Fixtures.create;
import static org.lernstadt.participation.Fixtures.dialogue;
import static org.lernstadt.participation.Fixtures.phase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The public dialogue list narrowed by a part of the title or description ({@code q}), with the
 * other filters and the paging, as the gateway's search and district screens ask for it. Each test
 * uses a district code of its own.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class DialogueLookupTest {

  private static String district() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Creates a dialogue concerning the district, and opens it unless {@code draft}. */
  private static String dialogueIn(
      String district, String title, String description, boolean draft) {
    Map<String, Object> d = dialogue();
    d.put("title", title);
    d.put("description", description);
    d.put("districts", List.of(district));
    String id = create(d);
    if (!draft) {
      phase(id, "CONTRIBUTION");
    }
    return id;
  }

  private static List<String> titles(Map<String, Object> query) {
    return given()
        .queryParams(query)
        .queryParam("limit", 100)
        .get("/v1/dialogues")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.title");
  }

  @Test
  void dialoguesAreFoundByTitleOrDescriptionIgnoringCaseAccentsAndSharpS() {
    String here = district();
    dialogueIn(here, "Grünflächen an der Großenhainer Straße", "Wie soll der Park werden?", false);
    dialogueIn(here, "Neue Stadtteilbibliothek", "Ideen für die Großenhainer Straße 12", false);
    dialogueIn(here, "Grüne Schulhöfe", "Noch im Entwurf", true);

    assertEquals(
        List.of("Neue Stadtteilbibliothek", "Grünflächen an der Großenhainer Straße"),
        titles(Map.of("q", " GROSSENHAINER STRASSE ", "district", here)),
        "title or description, newest first");
    assertEquals(
        List.of("Grünflächen an der Großenhainer Straße"),
        titles(Map.of("q", "grun", "district", here)),
        "drafts stay out");
    assertEquals(
        List.of("Neue Stadtteilbibliothek"),
        titles(Map.of("q", "BIBLIOTHEK", "district", here, "phase", "CONTRIBUTION")));
    assertEquals(List.of(), titles(Map.of("q", "bibliothek", "district", here, "phase", "CLOSED")));
    assertEquals(List.of(), titles(Map.of("q", "nirgendwo", "district", here)));

    // paging goes on within the matches
    Response first =
        given()
            .queryParam("q", "strasse")
            .queryParam("district", here)
            .queryParam("limit", 1)
            .get("/v1/dialogues");
    first
        .then()
        .statusCode(200)
        .body("items.title", equalTo(List.of("Neue Stadtteilbibliothek")))
        .body("next", notNullValue());
    given()
        .queryParam("q", "strasse")
        .queryParam("district", here)
        .queryParam("limit", 1)
        .queryParam("cursor", first.path("next").toString())
        .get("/v1/dialogues")
        .then()
        .statusCode(200)
        .body("items.title", equalTo(List.of("Grünflächen an der Großenhainer Straße")));
  }

  @Test
  void wildcardsInTheTextAreMatchedLiterally() {
    String here = district();
    dialogueIn(here, "50% mehr Grün", "Bäume für den Platz", false);
    dialogueIn(here, "500 Bäume", "für den Platz", false);
    assertEquals(List.of("50% mehr Grün"), titles(Map.of("q", "50%", "district", here)));
    assertEquals(List.of(), titles(Map.of("q", "__", "district", here)));
  }

  @Test
  void aTextOfOneOrMoreThanHundredCharactersIsRefusedNamingQ() {
    for (String q : List.of("a", "  b  ", "x".repeat(101))) {
      given()
          .queryParam("q", q)
          .get("/v1/dialogues")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("q"));
    }
    given().queryParam("q", "x".repeat(100)).get("/v1/dialogues").then().statusCode(200);
  }
}
