package org.lernstadt.counseling.centre;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The public centre list narrowed by a part of the name ({@code q}) and a district, as the
 * gateway's search and district screens ask for it. Each test uses a district code of its own.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class CentreLookupTest {

  private static String district() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static void centre(String name, String district) {
    as("admin1")
        .body(Map.of("name", name, "district", district))
        .put("/v1/centres/" + UUID.randomUUID())
        .then()
        .statusCode(200);
  }

  private static List<String> names(Map<String, Object> query) {
    return given()
        .queryParams(query)
        .get("/v1/centres")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("name");
  }

  @Test
  void centresAreFoundByAnyPartOfTheirNameIgnoringCaseAccentsAndSharpS() {
    String here = district();
    String there = district();
    centre("Bildungsberatung Großenhainer Straße", here);
    centre("Lernladen Süd", here);
    centre("Beratung Südvorstadt", there);

    assertNames(List.of("Lernladen Süd"), Map.of("q", " SUD ", "district", here));
    assertNames(
        List.of("Bildungsberatung Großenhainer Straße"),
        Map.of("q", "grossenhainer strasse", "district", here));
    List<String> anywhere = names(Map.of("q", "süd"));
    assertTrue(
        anywhere.containsAll(List.of("Beratung Südvorstadt", "Lernladen Süd")),
        anywhere.toString());
    assertFalse(anywhere.contains("Bildungsberatung Großenhainer Straße"), anywhere.toString());
    assertNames(List.of(), Map.of("q", "nirgendwo", "district", here));
    assertNames(
        List.of("Bildungsberatung Großenhainer Straße", "Lernladen Süd"), Map.of("district", here));
    assertNames(List.of("Beratung Südvorstadt"), Map.of("district", there));
  }

  private static void assertNames(List<String> expected, Map<String, Object> query) {
    assertEquals(expected, names(query), query.toString());
  }

  @Test
  void wildcardsInTheTextAreMatchedLiterally() {
    String here = district();
    centre("Beratung 100% Chancen", here);
    centre("Beratung 1000 Chancen", here);
    assertNames(List.of("Beratung 100% Chancen"), Map.of("q", "100%", "district", here));
    assertNames(List.of(), Map.of("q", "__", "district", here));
  }

  @Test
  void withoutFiltersEveryCentreIsListedAndBadValuesAreRefusedNamingTheParameter() {
    given().get("/v1/centres").then().statusCode(200).body("name", hasItems("Lernladen Nord"));
    for (String q : List.of("a", "  b  ", "x".repeat(101))) {
      given()
          .queryParam("q", q)
          .get("/v1/centres")
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("q"));
    }
    given()
        .queryParam("district", "not a code!")
        .get("/v1/centres")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("district"));
  }
}
