package org.lernstadt.participation.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.citizen2;
import static org.lernstadt.participation.Fixtures.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * What the matrix cannot show: one citizen on another's contribution and registration, the fields a
 * citizen may not set, and what the public may not see of who wrote what.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ObjectLevelAccessTest {

  @Test
  void aCitizenCannotWithdrawAnotherCitizensContribution() {
    String dialogue = Fixtures.openDialogue();
    String contribution =
        Fixtures.contribute(
            citizen1(), dialogue, Fixtures.contribution("Mein Lernort", "library", "01"));

    given()
        .auth()
        .oauth2(citizen2())
        .delete("/v1/contributions/" + contribution)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/v1/contributions/" + contribution)
        .then()
        .statusCode(200)
        .body("status", equalTo("VISIBLE"));
  }

  @Test
  void aCitizenSeesOnlyTheirOwnRegistration() {
    String event =
        post("/v1/events", Fixtures.editor(), AccessFixtures.event(Fixtures.openDialogue()))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    post("/v1/events/" + event + "/registrations", citizen1(), Map.of()).then().statusCode(201);
    given()
        .auth()
        .oauth2(citizen2())
        .get("/v1/events/" + event + "/registrations/mine")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(citizen2())
        .delete("/v1/events/" + event + "/registrations/mine")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(citizen1())
        .get("/v1/events/" + event + "/registrations/mine")
        .then()
        .statusCode(200);
  }

  @Test
  void aCitizenMayNotSetTheModerationStatusOfTheirOwnText() {
    String dialogue = Fixtures.openDialogue();
    for (String field : new String[] {"status", "statusReason", "ratingScore", "authorId"}) {
      Map<String, Object> contribution =
          new HashMap<>(Fixtures.contribution("Text", "library", "01"));
      contribution.put(field, field.equals("ratingScore") ? 5 : "PUBLISHED");
      post("/v1/dialogues/" + dialogue + "/contributions", citizen1(), contribution)
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo(field));
    }
  }

  @Test
  void thePublicSeesNoAuthorIds() {
    String dialogue = Fixtures.openDialogue();
    String subject = Tokens.claims(citizen1()).get("sub").asText();
    String contribution =
        Fixtures.contribute(citizen1(), dialogue, Fixtures.contribution("Hier", "library", "01"));
    post("/v1/contributions/" + contribution + "/comments", citizen1(), Map.of("text", "Nachtrag"))
        .then()
        .statusCode(201);

    for (String path :
        new String[] {
          "/v1/contributions/" + contribution,
          "/v1/contributions/" + contribution + "/comments",
          "/v1/dialogues/" + dialogue + "/contributions",
          "/v1/dialogues/" + dialogue + "/export"
        }) {
      String body = given().get(path).then().statusCode(200).extract().asString();
      assertFalse(body.contains(subject), path + " shows the author's subject id");
    }
  }
}
