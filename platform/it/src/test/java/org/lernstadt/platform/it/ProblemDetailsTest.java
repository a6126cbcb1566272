package org.lernstadt.platform.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input is answered with RFC 9457 problem details naming the field, never with a 500. */
@QuarkusTest
class ProblemDetailsTest {

  private ValidatableResponse putNote(String body) {
    return given()
        .auth()
        .oauth2(Notes.editor())
        .contentType(ContentType.JSON)
        .body(body)
        .put("/notes/" + UUID.randomUUID())
        .then()
        .contentType("application/problem+json");
  }

  @Test
  void malformedJsonIs400() {
    putNote("{\"text\": \"unterminated")
        .statusCode(400)
        .body("title", equalTo("Bad Request"))
        .body("detail", containsString("not valid JSON"));
  }

  @Test
  void unknownFieldIs400NamingTheField() {
    putNote("{\"text\":\"a\",\"priority\":1,\"colour\":\"red\"}")
        .statusCode(400)
        .body("errors[0].field", equalTo("colour"));
  }

  @Test
  void wrongTypeIs400NamingTheField() {
    putNote("{\"text\":\"a\",\"priority\":\"high\"}")
        .statusCode(400)
        .body("errors[0].field", equalTo("priority"));
  }

  @Test
  void invalidValuesAre422NamingEachField() {
    putNote("{\"text\":\" \",\"priority\":11}")
        .statusCode(422)
        .body("status", equalTo(422))
        .body("errors.field", hasItems("text", "priority"));
  }

  @Test
  void missingBodyIs422() {
    given()
        .auth()
        .oauth2(Notes.editor())
        .contentType(ContentType.JSON)
        .put("/notes/" + UUID.randomUUID())
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void oversizedBodyIs413() {
    String text = "x".repeat(5000);
    putNote("{\"text\":\"" + text + "\",\"priority\":1}")
        .statusCode(413)
        .body("status", equalTo(413));
  }

  @Test
  void malformedPathParameterIs404NotA500() {
    given()
        .auth()
        .oauth2(Notes.editor())
        .get("/notes/not-a-uuid")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void unknownPathAndMethodAreProblems() {
    given()
        .auth()
        .oauth2(Notes.editor())
        .get("/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Notes.editor())
        .delete("/notes/" + UUID.randomUUID())
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
  }
}
