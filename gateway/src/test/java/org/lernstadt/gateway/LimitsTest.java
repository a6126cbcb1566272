package org.lernstadt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.Tokens;

/** Rate limits, CORS and security headers at the front door. */
@QuarkusTest
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(PlatformServicesResource.class)
class LimitsTest {

  /** The test profile allows 60 anonymous writes a minute per address, one more every second. */
  private static final int ANONYMOUS_WRITES_PER_MINUTE = 60;

  @Test
  void anAnonymousWriterIsLimitedWithRetryAfterAndRecoversWhileOthersPass() {
    long before = GatewayMetrics.routedCalls("participation");
    int passed = 0;
    Response refused = null;
    for (int i = 0; i < 2 * ANONYMOUS_WRITES_PER_MINUTE && refused == null; i++) {
      Response answer =
          given().contentType("application/json").body("{}").post("/participation/v1/dialogues");
      if (answer.statusCode() == 429) {
        refused = answer;
      } else {
        passed++;
        assertEquals(401, answer.statusCode(), "the service itself refuses anonymous dialogues");
      }
    }
    assertTrue(refused != null, "no 429 after " + passed + " anonymous writes");
    // The whole minute's allowance first (plus what refilled meanwhile), then the refusal.
    assertTrue(passed >= ANONYMOUS_WRITES_PER_MINUTE, "refused after only " + passed);
    refused.then().contentType("application/problem+json").header("Retry-After", notNullValue());
    // The refused request never reached the service.
    assertEquals(before + passed, GatewayMetrics.routedCalls("participation"));
    // Other callers are not slowed: a signed-in citizen and anonymous readers still pass.
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .get("/participation/v1/dialogues")
        .then()
        .statusCode(200);
    given().get("/participation/v1/dialogues").then().statusCode(200);
    // And the bucket refills.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                given()
                        .contentType("application/json")
                        .body("{}")
                        .post("/participation/v1/dialogues")
                        .statusCode()
                    == 401);
  }

  @Test
  void browsersOfTheConfiguredFrontEndsMayCallOthersMayNot() {
    given()
        .header("Origin", "http://localhost:3000")
        .header("Access-Control-Request-Method", "GET")
        .options("/catalogue/v1/offers")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
    given()
        .header("Origin", "http://localhost:3000")
        .get("/catalogue/v1/offers")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"))
        .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("ETag"));
    given()
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "GET")
        .options("/catalogue/v1/offers")
        .then()
        .statusCode(not(equalTo(200)))
        .header("Access-Control-Allow-Origin", nullValue());
    given()
        .header("Origin", "https://elsewhere.example")
        .get("/catalogue/v1/offers")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    given()
        .get("/api/v1/home")
        .then()
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("X-Frame-Options", equalTo("DENY"))
        .header("Referrer-Policy", equalTo("no-referrer"))
        .header("Content-Security-Policy", notNullValue());
  }
}
