package org.lernstadt.platform.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.UUID;
import org.lernstadt.platform.testing.Tokens;

/** Test helpers: write notes through the API. */
final class Notes {

  private Notes() {}

  static String editor() {
    return Tokens.forUser("editor1");
  }

  static int put(String path, UUID id, String json) {
    return given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(json)
        .put(path + id)
        .statusCode();
  }

  static int applied(UUID id) {
    return given()
        .auth()
        .oauth2(editor())
        .get("/notes/" + id + "/tally")
        .then()
        .statusCode(200)
        .extract()
        .path("applied");
  }
}
