package org.lernstadt.catalogue.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.LIBRARY_CLIENT;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.LIBRARY_KEY;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.VHS_CLIENT;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.VHS_KEY;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.at;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.citizen;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.editor;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.partner;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.post;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.provider;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.put;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.register;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.unique;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.provider.CatalogueFixtures.Square;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Learning places: editors for every provider, a partner for its own provider only. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class LearningPlaceResourceTest {

  private static Map<String, Object> place(String providerId, String kind, double[] point) {
    Map<String, Object> body = new HashMap<>();
    if (providerId != null) {
      body.put("providerId", providerId);
    }
    body.put("name", "Lernort " + unique("ort"));
    body.put("kind", kind);
    body.put("category", "maker space");
    body.put("address", Map.of("street", "Werkstraße 3", "city", "Lernstadt"));
    body.put("location", at(point));
    body.put("accessibility", List.of("STEP_FREE"));
    body.put("openingHours", "Mo-Fr 10:00-18:00");
    return body;
  }

  @Test
  void editorCreatesAndReplacesPlacesOfAnyProvider() {
    Square square = CatalogueFixtures.district();
    String providerId = register(provider(unique("werk")));
    Response created =
        post("/v1/learning-places", editor(), place(providerId, "INFORMAL", square.inside()));
    created
        .then()
        .statusCode(201)
        .header("ETag", equalTo("\"0\""))
        .body("providerId", equalTo(providerId))
        .body("kind", equalTo("INFORMAL"))
        .body("category", equalTo("maker space"))
        .body("district", equalTo(square.code()))
        .body("accessibility", equalTo(List.of("STEP_FREE")));
    String id = created.path("id");

    Map<String, Object> moved = place(providerId, "NON_FORMAL", square.outside());
    put("/v1/learning-places/" + id, editor(), "\"0\"", moved)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("kind", equalTo("NON_FORMAL"))
        .body("district", equalTo(null));
    put("/v1/learning-places/" + id, editor(), "\"0\"", moved).then().statusCode(412);

    given().get("/v1/learning-places/" + id).then().statusCode(200).body("version", equalTo(1));
  }

  @Test
  void partnerMaintainsThePlacesOfItsOwnProviderOnly() {
    String own = CatalogueFixtures.partnerProvider(VHS_KEY, VHS_CLIENT);
    String other = register(provider(unique("fremd")));
    String partner = partner(VHS_CLIENT);
    Square square = CatalogueFixtures.square();

    // Without providerId a partner's place is its own provider's.
    String mine =
        post("/v1/learning-places", partner, place(null, "NON_FORMAL", square.inside()))
            .then()
            .statusCode(201)
            .body("providerId", equalTo(own))
            .extract()
            .path("id");
    post("/v1/learning-places", partner, place(own, "NON_FORMAL", square.inside()))
        .then()
        .statusCode(201);

    // Another provider's: refused, nothing created.
    post("/v1/learning-places", partner, place(other, "NON_FORMAL", square.inside()))
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .queryParam("provider", other)
        .get("/v1/learning-places")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));

    // Another provider's place can neither be changed nor taken over.
    String theirs =
        post("/v1/learning-places", editor(), place(other, "FORMAL", square.inside()))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> takeover = place(own, "FORMAL", square.inside());
    put("/v1/learning-places/" + theirs, partner, null, takeover).then().statusCode(403);
    Map<String, Object> giveAway = place(other, "NON_FORMAL", square.inside());
    put("/v1/learning-places/" + mine, partner, null, giveAway).then().statusCode(403);
    given()
        .get("/v1/learning-places/" + theirs)
        .then()
        .body("providerId", equalTo(other))
        .body("kind", equalTo("FORMAL"))
        .body("version", equalTo(0));
    given().get("/v1/learning-places/" + mine).then().body("providerId", equalTo(own));

    // The other demo partner may not touch the first one's place.
    CatalogueFixtures.partnerProvider(LIBRARY_KEY, LIBRARY_CLIENT);
    put(
            "/v1/learning-places/" + mine,
            partner(LIBRARY_CLIENT),
            null,
            place(null, "INFORMAL", square.inside()))
        .then()
        .statusCode(403);

    // Its own place it may change.
    Map<String, Object> change = place(null, "INFORMAL", square.inside());
    change.put("category", "park");
    put("/v1/learning-places/" + mine, partner, null, change)
        .then()
        .statusCode(200)
        .body("category", equalTo("park"));

    post("/v1/learning-places", citizen(), place(own, "NON_FORMAL", square.inside()))
        .then()
        .statusCode(403);
  }

  @Test
  void invalidPlacesAreRefusedNamingTheField() {
    String providerId = register(provider(unique("invalid")));
    Map<String, Object> noLocation = place(providerId, "FORMAL", new double[] {0, 0});
    noLocation.remove("location");
    noLocation.put("category", "");
    post("/v1/learning-places", editor(), noLocation)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("location"))
        .body("errors.field", hasItem("category"));
    Map<String, Object> farOut = place(providerId, "FORMAL", new double[] {0, 200});
    post("/v1/learning-places", editor(), farOut)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("location.lon"));
    post("/v1/learning-places", editor(), place(null, "FORMAL", new double[] {0, 0}))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("providerId"));
    post(
            "/v1/learning-places",
            editor(),
            place(java.util.UUID.randomUUID().toString(), "FORMAL", new double[] {0, 0}))
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("providerId"));
  }

  @Test
  void placesAreListedByProviderDistrictAndKind() {
    Square square = CatalogueFixtures.district();
    String providerId = register(provider(unique("liste")));
    for (String kind : List.of("FORMAL", "INFORMAL", "INFORMAL")) {
      post("/v1/learning-places", editor(), place(providerId, kind, square.inside()))
          .then()
          .statusCode(201);
    }
    List<Map<String, Object>> all =
        CatalogueFixtures.allPages(
            "/v1/learning-places", Map.of("provider", providerId, "limit", 1));
    assertEquals(3, all.size());
    assertEquals(
        2,
        CatalogueFixtures.allPages(
                "/v1/learning-places", Map.of("district", square.code(), "kind", "INFORMAL"))
            .size());
    given()
        .queryParam("provider", providerId)
        .queryParam("limit", 2)
        .get("/v1/learning-places")
        .then()
        .body("next", notNullValue());
    given().queryParam("provider", "not-a-uuid").get("/v1/learning-places").then().statusCode(400);
  }
}
