package org.lernstadt.catalogue.district;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.at;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.citizen;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.editor;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.partner;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.post;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.provider;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.register;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.provider.CatalogueFixtures;
import org.lernstadt.catalogue.provider.CatalogueFixtures.Square;
import org.lernstadt.catalogue.provider.ProviderTopic;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Districts as GeoJSON, and the district every located thing gets from its coordinates. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class DistrictResourceTest {

  private static final String UPDATED = "org.lernstadt.catalogue.provider.updated.v1";

  @Test
  void editorUploadsADistrictAndEveryoneReadsItAsGeoJson() {
    Square square = CatalogueFixtures.square();
    given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Altstadt", "geometry", square.geometry()))
        .put("/v1/districts/" + square.code())
        .then()
        .statusCode(201)
        .header("Location", org.hamcrest.Matchers.endsWith("/v1/districts/" + square.code()))
        .body("type", equalTo("Feature"))
        .body("properties.code", equalTo(square.code()))
        .body("properties.name", equalTo("Altstadt"));

    given()
        .accept("application/geo+json")
        .get("/v1/districts")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/geo+json"))
        .body("type", equalTo("FeatureCollection"))
        .body("features.properties.code", hasItem(square.code()))
        .body(
            "features.find { it.properties.code == '" + square.code() + "' }.geometry.type",
            equalTo("Polygon"))
        .body(
            "features.find { it.properties.code == '" + square.code() + "' }.properties.name",
            equalTo("Altstadt"));
    given()
        .accept(ContentType.JSON)
        .get("/v1/districts")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .body("features.properties.code", hasItem(square.code()));

    // Replacing it renames it and answers 200.
    given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Altstadt-Nord", "geometry", square.geometry()))
        .put("/v1/districts/" + square.code())
        .then()
        .statusCode(200);
    given()
        .get("/v1/districts/" + square.code())
        .then()
        .statusCode(200)
        .body("properties.name", equalTo("Altstadt-Nord"))
        .body("geometry.coordinates[0].size()", equalTo(5));
    given()
        .get("/v1/districts/" + unique("none"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void aProviderInsideGetsTheDistrictAndOneOutsideGetsNone() {
    Square square = CatalogueFixtures.district();
    Map<String, Object> inside = provider(unique("inside"));
    inside.put("location", at(square.inside()));
    Map<String, Object> outside = provider(unique("outside"));
    outside.put("location", at(square.outside()));

    post("/v1/providers", editor(), inside)
        .then()
        .statusCode(201)
        .body("district", equalTo(square.code()));
    post("/v1/providers", editor(), outside).then().statusCode(201).body("district", nullValue());

    // Learning places get theirs the same way.
    String providerId = register(provider(unique("places")));
    post(
            "/v1/learning-places",
            editor(),
            Map.of(
                "providerId",
                providerId,
                "name",
                "Stadtteilbibliothek",
                "kind",
                "NON_FORMAL",
                "category",
                "library",
                "location",
                at(square.inside())))
        .then()
        .statusCode(201)
        .body("district", equalTo(square.code()));
  }

  @Test
  void uploadingABoundaryReassignsWhatLiesInItAndPublishesTheMove() {
    Square square = CatalogueFixtures.square();
    Map<String, Object> body = provider(unique("early"));
    body.put("location", at(square.inside()));
    String id = register(body);
    given().get("/v1/providers/" + id).then().body("district", nullValue());

    CatalogueFixtures.district(square);

    given()
        .get("/v1/providers/" + id)
        .then()
        .statusCode(200)
        .body("district", equalTo(square.code()))
        .body("version", equalTo(1));
    List<ConsumerRecord<String, String>> records = ProviderTopic.recordsOf(id, UPDATED);
    JsonNode moved = ProviderTopic.body(records.getLast());
    assertEquals(square.code(), moved.get("districtCode").asText());
    assertEquals(true, moved.get("previousDistrictCode").isNull());
    assertEquals("district", moved.get("changedFields").get(0).asText());
    assertEquals(1, moved.get("changedFields").size());
  }

  @Test
  void invalidBoundariesAreRefusedNamingTheField() {
    Square square = CatalogueFixtures.square();
    List<List<Double>> open =
        new ArrayList<>(
            List.of(
                List.of(square.lon(), square.lat()),
                List.of(square.lon() + 0.01, square.lat()),
                List.of(square.lon() + 0.01, square.lat() + 0.01),
                List.of(square.lon(), square.lat() + 0.01)));
    assertRefused(square.code(), polygon(open), "geometry.coordinates[0]");

    List<List<Double>> tooShort =
        List.of(
            List.of(square.lon(), square.lat()),
            List.of(square.lon() + 0.01, square.lat()),
            List.of(square.lon(), square.lat()));
    assertRefused(square.code(), polygon(tooShort), "geometry.coordinates[0]");

    List<List<Double>> latitudeOut =
        List.of(List.of(10.0, 50.0), List.of(11.0, 95.0), List.of(11.0, 51.0), List.of(10.0, 50.0));
    assertRefused(square.code(), polygon(latitudeOut), "geometry.coordinates[0][1][1]");

    List<List<Double>> longitudeOut =
        List.of(
            List.of(10.0, 50.0), List.of(181.0, 50.0), List.of(11.0, 51.0), List.of(10.0, 50.0));
    assertRefused(square.code(), polygon(longitudeOut), "geometry.coordinates[0][1][0]");

    given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "Punkt",
                "geometry",
                Map.of("type", "Point", "coordinates", List.of(closedRing(square)))))
        .put("/v1/districts/" + square.code())
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("geometry.type"));

    given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Falscher Code", "geometry", square.geometry()))
        .put("/v1/districts/Not A Code")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("code"));

    given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "", "geometry", square.geometry()))
        .put("/v1/districts/" + square.code())
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("name"));

    // Nothing of it was stored.
    given().get("/v1/districts/" + square.code()).then().statusCode(404);
  }

  @Test
  void onlyEditorsUploadDistricts() {
    Square square = CatalogueFixtures.square();
    Map<String, Object> body = Map.of("name", "Neustadt", "geometry", square.geometry());
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/v1/districts/" + square.code())
        .then()
        .statusCode(401);
    for (String token : List.of(citizen(), partner(CatalogueFixtures.VHS_CLIENT))) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body(body)
          .put("/v1/districts/" + square.code())
          .then()
          .statusCode(403);
    }
    given().get("/v1/districts/" + square.code()).then().statusCode(404);
  }

  private static void assertRefused(String code, Map<String, Object> geometry, String field) {
    given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Kaputt", "geometry", geometry))
        .put("/v1/districts/" + code)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field));
  }

  private static Map<String, Object> polygon(List<List<Double>> ring) {
    return Map.of("type", "Polygon", "coordinates", List.of(ring));
  }

  private static List<List<Double>> closedRing(Square square) {
    @SuppressWarnings("unchecked")
    List<List<List<Double>>> rings =
        (List<List<List<Double>>>) square.geometry().get("coordinates");
    return rings.getFirst();
  }
}
