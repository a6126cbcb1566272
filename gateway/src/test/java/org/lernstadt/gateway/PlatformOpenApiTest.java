package org.lernstadt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KeycloakTestResource;

/** The platform's one API description, merged from the running services. */
@QuarkusTest
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(PlatformServicesResource.class)
class PlatformOpenApiTest {

  @Test
  void everyServicesOperationsAreThereUnderTheirRouteAndEveryReferenceResolves() throws Exception {
    String body =
        given()
            .get("/openapi")
            .then()
            .statusCode(200)
            .body("x-missing-services", empty())
            .body("info.x-asyncapi.url", hasItem("/counseling/asyncapi.yaml"))
            .extract()
            .asString();
    JsonNode document = new ObjectMapper().readTree(body);
    JsonNode paths = document.path("paths");
    for (String path :
        List.of(
            "/api/v1/home",
            "/api/v1/districts/{code}/profile",
            "/catalogue/v1/offers",
            "/counseling/v1/centres",
            "/participation/v1/dialogues",
            "/monitoring/v1/indicators",
            "/stub/v1/echo")) {
      assertTrue(paths.has(path), path + " is not in the platform document");
    }
    assertTrue(
        paths
            .path("/catalogue/v1/offers")
            .path("get")
            .path("tags")
            .toString()
            .contains("catalogue"));
    List<String> unresolved = new ArrayList<>();
    int references = checkReferences(document, document, unresolved);
    assertTrue(references > 50, "only " + references + " references");
    assertEquals(List.of(), unresolved);
    // The services' components are kept apart by their service's name.
    assertTrue(document.path("components").path("schemas").has("stub.Echo"));
  }

  @Test
  void swaggerUiOffersThePlatformDocument() {
    given().get("/q/swagger-ui/index.html").then().statusCode(200);
    given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
  }

  private static int checkReferences(JsonNode node, JsonNode document, List<String> unresolved) {
    int count = 0;
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        count++;
        JsonNode target = document.at(ref.asText().substring(1));
        if (target.isMissingNode()) {
          unresolved.add(ref.asText());
        }
      }
    }
    for (JsonNode child : node) {
      count += checkReferences(child, document, unresolved);
    }
    return count;
  }
}
