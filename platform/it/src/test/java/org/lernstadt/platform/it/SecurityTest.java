package org.lernstadt.platform.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.Tokens;

/**
 * Tokens from the real Keycloak with the project's realm; the test application's audience is
 * participation-service.
 */
@QuarkusTest
class SecurityTest {

  @Test
  void withoutTokenIsUnauthorizedWithChallenge() {
    given()
        .get("/notes/" + UUID.randomUUID())
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", equalTo("Bearer"))
        .contentType("application/problem+json")
        .body("status", equalTo(401));
  }

  @Test
  void wrongRoleIsForbidden() {
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .get("/notes/" + UUID.randomUUID())
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", equalTo(403));
  }

  @Test
  void rightRoleIsServed() {
    UUID id = UUID.randomUUID();
    assertEquals(201, Notes.put("/notes/", id, "{\"text\":\"mine\",\"priority\":1}"));
    given()
        .auth()
        .oauth2(Tokens.forUser("editor1"))
        .get("/notes/" + id)
        .then()
        .statusCode(200)
        .body("text", equalTo("mine"));
  }

  @Test
  void tokenForAnotherAudienceIsRefused() {
    // Partner tokens are issued for catalogue-service and the gateway only.
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .get("/notes/" + UUID.randomUUID())
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void malformedOrForgedTokenIsRefused() {
    given().auth().oauth2("not-a-jwt").get("/notes/x").then().statusCode(401);
    String token = Tokens.forUser("editor1");
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    given().auth().oauth2(forged).get("/notes/" + UUID.randomUUID()).then().statusCode(401);
  }

  @Test
  void endpointWithoutSecurityAnnotationIsDenied() {
    given().auth().oauth2(Tokens.forUser("admin1")).get("/unannotated").then().statusCode(403);
    given().get("/unannotated").then().statusCode(401);
  }
}
