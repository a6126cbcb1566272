package org.lernstadt.catalogue.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.citizen;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.editor;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.partner;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.provider.CatalogueFixtures.Square;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Partnerships between institutions and the network graph they form. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class PartnershipNetworkTest {

  private static Map<String, Object> partnership(String a, String b, String kind) {
    return Map.of(
        "providerA",
        a,
        "providerB",
        b,
        "kind",
        kind,
        "since",
        "2024-09-01",
        "description",
        "Gemeinsame Lernwerkstatt");
  }

  @Test
  void editorsFormAndEndPartnershipsAndTheNetworkShowsTheActiveOnes() {
    Square north = CatalogueFixtures.district();
    Square south = CatalogueFixtures.district();
    String school = CatalogueFixtures.registerProvider("SCHOOL", north.inside());
    String library = CatalogueFixtures.registerProvider("LIBRARY", south.inside());
    String museum = CatalogueFixtures.registerProvider("MUSEUM", south.inside());

    Response formed =
        post("/v1/partnerships", editor(), partnership(school, library, "COOPERATION"));
    formed
        .then()
        .statusCode(201)
        .body("providerA", equalTo(school))
        .body("providerB", equalTo(library))
        .body("since", equalTo("2024-09-01"))
        .body("active", equalTo(true));
    String cooperation = formed.path("id");
    String shared =
        post("/v1/partnerships", editor(), partnership(library, museum, "SHARED_OFFER"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    // One active partnership of a kind per pair, in either direction.
    post("/v1/partnerships", editor(), partnership(library, school, "COOPERATION"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    post("/v1/partnerships", editor(), partnership(school, library, "NETWORK_MEMBERSHIP"))
        .then()
        .statusCode(201);

    // The north district: the school, and its partner the library in the south.
    Response north1 = given().queryParam("district", north.code()).get("/v1/network");
    north1.then().statusCode(200);
    List<String> nodes = north1.path("nodes.id");
    assertEquals(2, nodes.size(), "school and its partner: " + nodes);
    assertTrue(nodes.containsAll(List.of(school, library)));
    List<String> edges = north1.path("edges.id");
    assertTrue(edges.contains(cooperation));
    assertTrue(!edges.contains(shared), "the library's other partnership is not in the north");
    north1
        .then()
        .body("nodes.find { it.id == '" + school + "' }.district", equalTo(north.code()))
        .body("nodes.find { it.id == '" + school + "' }.kind", equalTo("SCHOOL"))
        .body("nodes.find { it.id == '" + school + "' }.lat", notNullValue())
        .body("edges.find { it.id == '" + cooperation + "' }.source", equalTo(school))
        .body("edges.find { it.id == '" + cooperation + "' }.target", equalTo(library))
        .body("edges.find { it.id == '" + cooperation + "' }.kind", equalTo("COOPERATION"))
        .body("edges.find { it.id == '" + cooperation + "' }.since", equalTo("2024-09-01"));

    // Filter by provider kind: museums and their partners.
    Response museums =
        given()
            .queryParam("district", south.code())
            .queryParam("kind", "MUSEUM")
            .get("/v1/network");
    List<String> museumNodes = museums.path("nodes.id");
    assertEquals(2, museumNodes.size());
    assertTrue(museumNodes.containsAll(List.of(museum, library)));
    assertEquals(List.of(shared), museums.path("edges.id"));

    // Whole network includes everything active.
    given()
        .get("/v1/network")
        .then()
        .statusCode(200)
        .body("edges.id", hasItem(cooperation))
        .body("nodes.id", hasItem(museum));

    // Ending: the partnership stays on record, leaves the network and the default list.
    given()
        .auth()
        .oauth2(editor())
        .delete("/v1/partnerships/" + cooperation)
        .then()
        .statusCode(204);
    given()
        .auth()
        .oauth2(editor())
        .delete("/v1/partnerships/" + cooperation)
        .then()
        .statusCode(204);
    given()
        .get("/v1/partnerships/" + cooperation)
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("endedAt", notNullValue());
    given()
        .queryParam("district", north.code())
        .get("/v1/network")
        .then()
        .body("edges.id", not(hasItem(cooperation)));
    given()
        .queryParam("provider", school)
        .get("/v1/partnerships")
        .then()
        .statusCode(200)
        .body("items.id", not(hasItem(cooperation)))
        .body("items.size()", equalTo(1));
    given()
        .queryParam("provider", school)
        .queryParam("includeEnded", true)
        .get("/v1/partnerships")
        .then()
        .body("items.id", hasItem(cooperation));

    // Once ended, the pair may form the same kind again.
    post("/v1/partnerships", editor(), partnership(library, school, "COOPERATION"))
        .then()
        .statusCode(201);
  }

  @Test
  void invalidPartnershipsAreRefused() {
    String a = CatalogueFixtures.registerProvider("CLUB", null);
    post("/v1/partnerships", editor(), partnership(a, a, "COOPERATION"))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("providerB"));
    post("/v1/partnerships", editor(), partnership(a, UUID.randomUUID().toString(), "COOPERATION"))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("providerB"));
    post("/v1/partnerships", editor(), Map.of("providerA", a, "kind", "COOPERATION"))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("providerB"));
    String b = CatalogueFixtures.registerProvider("CLUB", null);
    post("/v1/partnerships", citizen(), partnership(a, b, "COOPERATION")).then().statusCode(403);
    post(
            "/v1/partnerships",
            partner(CatalogueFixtures.VHS_CLIENT),
            partnership(a, b, "COOPERATION"))
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(editor())
        .delete("/v1/partnerships/" + UUID.randomUUID())
        .then()
        .statusCode(404);
    given()
        .queryParam("provider", a)
        .get("/v1/partnerships")
        .then()
        .body("items.size()", equalTo(0));
  }
}
