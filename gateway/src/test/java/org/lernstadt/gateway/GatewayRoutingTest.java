package org.lernstadt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * Routing through the gateway to the real services with real Keycloak tokens: each role reaches
 * what its token allows at the service and nothing more, answers come back as the service gave
 * them, and what the gateway refuses never reaches a service.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(PlatformServicesResource.class)
class GatewayRoutingTest {

  private static final String PROBLEM = "application/problem+json";

  @Test
  void eachRoleReachesWhatItsTokenAllowsAtTheService() {
    String citizen = Tokens.forUser("citizen1");
    // catalogue: public search; the partner API is for partners only
    given().get("/catalogue/v1/offers").then().statusCode(200).body("items", notNullValue());
    given()
        .auth()
        .oauth2(citizen)
        .get("/catalogue/v1/partner/offers")
        .then()
        .statusCode(403)
        .contentType(PROBLEM);
    given().get("/catalogue/v1/partner/offers").then().statusCode(401).contentType(PROBLEM);
    // counselling: cases for counsellors of a centre, not for citizens
    given()
        .auth()
        .oauth2(Tokens.forUser("counselor1"))
        .get("/counseling/v1/cases")
        .then()
        .statusCode(200);
    given().auth().oauth2(citizen).get("/counseling/v1/cases").then().statusCode(403);
    // participation: the moderation queue for moderators
    given()
        .auth()
        .oauth2(Tokens.forUser("moderator1"))
        .get("/participation/v1/moderation/queue")
        .then()
        .statusCode(200);
    given().auth().oauth2(citizen).get("/participation/v1/moderation/queue").then().statusCode(403);
    // monitoring: alerts for analysts
    given()
        .auth()
        .oauth2(Tokens.forUser("analyst1"))
        .get("/monitoring/v1/alerts")
        .then()
        .statusCode(200);
    given().get("/monitoring/v1/alerts").then().statusCode(401).contentType(PROBLEM);
  }

  @Test
  void aPartnersPushGoesThroughWithItsOwnTokenAndLocationPointsAtTheGateway() {
    String editor = Tokens.forUser("editor1");
    String partner = Tokens.forPartner("partner-vhs");
    Response registered =
        given()
            .auth()
            .oauth2(editor)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "key", "vhs-demo",
                    "name", "Volkshochschule Lernstadt",
                    "kind", "ADULT_EDUCATION_CENTRE",
                    "partnerClient", "partner-vhs"))
            .post("/catalogue/v1/providers");
    assertTrue(registered.statusCode() == 201 || registered.statusCode() == 409);
    Response library =
        given()
            .auth()
            .oauth2(editor)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "key", "library-demo",
                    "name", "Stadtbibliothek",
                    "kind", "LIBRARY",
                    "partnerClient", "partner-library"))
            .post("/catalogue/v1/providers");
    assertTrue(library.statusCode() == 201 || library.statusCode() == 409);
    String externalId = "gw-" + UUID.randomUUID();
    Response pushed =
        given()
            .auth()
            .oauth2(partner)
            .contentType(ContentType.JSON)
            .body(Screens.offer("Töpfern am Abend", "2030-03-01T18:00:00Z", 51.05, 13.74))
            .put("/catalogue/v1/partner/offers/" + externalId);
    pushed.then().statusCode(201).header("ETag", notNullValue());
    String id = pushed.path("id");
    // The same offer, straight from the service: the gateway passed the push on unchanged.
    given()
        .baseUri(Screens.serviceUrl("catalogue"))
        .get("/v1/offers/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("Töpfern am Abend"));
    // A replacement with a stale version is refused by the service, and the 412 comes back.
    given()
        .auth()
        .oauth2(partner)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"999\"")
        .body(Screens.offer("Töpfern", "2030-03-01T18:00:00Z", 51.05, 13.74))
        .put("/catalogue/v1/partner/offers/" + externalId)
        .then()
        .statusCode(412)
        .contentType(PROBLEM);
    // Another partner cannot see it: for the library's client, no such offer exists.
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-library"))
        .get("/catalogue/v1/partner/offers/" + externalId)
        .then()
        .statusCode(404);
  }

  @Test
  void anInvalidTokenIsRefusedWithoutCallingTheService() {
    String real = Tokens.forUser("citizen1");
    String wronglySigned = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
    long before = GatewayMetrics.routedCalls("catalogue");
    for (String token : new String[] {"not-a-jwt", wronglySigned}) {
      given()
          .auth()
          .oauth2(token)
          .get("/catalogue/v1/offers")
          .then()
          .statusCode(401)
          .contentType(PROBLEM)
          .header("WWW-Authenticate", startsWith("Bearer"));
    }
    given()
        .header("Authorization", "Basic Y2l0aXplbjE6ZGVtbw==")
        .get("/catalogue/v1/offers")
        .then()
        .statusCode(401);
    assertEquals(before, GatewayMetrics.routedCalls("catalogue"));
  }

  @Test
  void anonymousGetsGetAnETagAndAMatchingOneIsAnswered304WithoutTheService() {
    String path = "/catalogue/v1/offers?q=" + UUID.randomUUID().toString().substring(0, 8);
    Response first = given().get(path);
    first.then().statusCode(200).header("Cache-Control", containsString("max-age"));
    String etag = first.header("ETag");
    assertNotNull(etag);
    long before = GatewayMetrics.routedCalls("catalogue");
    given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
    given().get(path).then().statusCode(200).body(equalTo(first.asString()));
    assertEquals(before, GatewayMetrics.routedCalls("catalogue"));
    // A signed-in caller's answer is neither kept nor marked cacheable.
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .get(path)
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("no-store"));
    assertEquals(before + 1, GatewayMetrics.routedCalls("catalogue"));
  }

  @Test
  void headersThatMatterCrossTheGatewayAndHopByHopOnesDoNot() {
    String token = Tokens.forUser("citizen1");
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    given()
        .auth()
        .oauth2(token)
        .header("traceparent", traceparent)
        .header("Connection", "keep-alive, X-Hop")
        .header("X-Hop", "only for the next hop")
        .get("/stub/v1/echo?x=1")
        .then()
        .statusCode(200)
        .body("headers.authorization", equalTo("Bearer " + token))
        .body("headers.traceparent", equalTo(traceparent))
        .body("headers.x-forwarded-prefix", equalTo("/stub"))
        .body("headers.x-hop", nullValue())
        .body("uri", equalTo("/v1/echo?x=1"))
        .header("X-Internal", nullValue())
        .header("X-Content-Type-Options", equalTo("nosniff"));
    given()
        .auth()
        .oauth2(token)
        .post("/stub/v1/created")
        .then()
        .statusCode(201)
        .header("Location", startsWith("http://localhost:"))
        .header("Location", containsString("/stub/v1/created/42"));
  }

  @Test
  void aSlowOrBrokenServiceBecomesAProblemNotAHangOrAStackTrace() {
    given().get("/stub/v1/slow").then().statusCode(504).contentType(PROBLEM);
    given()
        .get("/stub/v1/crash")
        .then()
        .statusCode(502)
        .contentType(PROBLEM)
        .body(not(containsString("NullPointerException")));
  }

  @Test
  void unknownRoutesAndServiceInternalsAre404Problems() {
    given().get("/nowhere").then().statusCode(404).contentType(PROBLEM);
    given().get("/catalogue/q/metrics").then().statusCode(404).contentType(PROBLEM);
    given().get("/catalogue/v2/offers").then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void bodiesOverTheRoutesLimitAre413WithoutCallingTheService() {
    long before = GatewayMetrics.routedCalls("participation");
    given()
        .auth()
        .oauth2(Tokens.forUser("editor1"))
        .contentType(ContentType.JSON)
        .body("{\"title\":\"" + "x".repeat(1_100_000) + "\"}")
        .post("/participation/v1/dialogues")
        .then()
        .statusCode(413)
        .contentType(PROBLEM);
    assertEquals(before, GatewayMetrics.routedCalls("participation"));
    // The catalogue's route takes bulk pushes far above 1 MB; the service judges the content.
    String bigDescription = "Beschreibung ".repeat(120_000);
    int status =
        given()
            .auth()
            .oauth2(Tokens.forPartner("partner-vhs"))
            .contentType(ContentType.JSON)
            .body("[{\"externalId\":\"big\",\"description\":\"" + bigDescription + "\"}]")
            .post("/catalogue/v1/partner/offers/bulk")
            .statusCode();
    assertTrue(status != 413 && status < 500, "bulk push answered " + status);
  }
}
