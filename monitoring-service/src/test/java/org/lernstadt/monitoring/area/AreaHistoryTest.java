package org.lernstadt.monitoring.area;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.lernstadt.monitoring.Fixtures.analyst;
import static org.lernstadt.monitoring.Fixtures.district;
import static org.lernstadt.monitoring.Fixtures.importCsv;
import static org.lernstadt.monitoring.Fixtures.importedIndicator;
import static org.lernstadt.monitoring.Fixtures.unique;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/** Spatial units change by splits and merges without losing the history of the old units. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class AreaHistoryTest {

  @Test
  void aSplitDistrictKeepsItsHistoryAndItsSuccessorsReadItBack() {
    String old = district("split");
    String indicator = importedIndicator("SPLIT", 0, null);
    importCsv(
            String.join(
                "\n",
                "indicator,area,period,dimension,category,numerator,denominator",
                indicator + "," + old + ",2022,,,40,100",
                indicator + "," + old + ",2023,,,45,100"),
            false)
        .statusCode(200);

    String north = unique("north");
    String south = unique("south");
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(
            Map.of(
                "effective", "2024-01-01",
                "predecessors", List.of(old),
                "successors",
                    List.of(
                        Map.of("code", north, "name", "Nord"),
                        Map.of("code", south, "name", "Süd"))))
        .post("/v1/areas/changes")
        .then()
        .statusCode(200)
        .body("code", containsInAnyOrder(north, south))
        .body("parent", everyItem(equalTo("city")))
        .body("validFrom", everyItem(equalTo("2024-01-01")))
        .body("predecessors", everyItem(contains(old)));

    given()
        .get("/v1/areas/" + old)
        .then()
        .statusCode(200)
        .body("validTo", equalTo("2024-01-01"))
        .body("successors", containsInAnyOrder(north, south));
    given()
        .queryParam("at", "2024-06-30")
        .get("/v1/areas")
        .then()
        .body("code", hasItem(north))
        .body("code", not(hasItem(old)));
    given().queryParam("at", "2023-06-30").get("/v1/areas").then().body("code", hasItem(old));

    // after the split, values go to the successors; the old district takes none for 2024
    importCsv(
            String.join(
                "\n",
                "indicator,area,period,dimension,category,numerator,denominator",
                indicator + "," + north + ",2024,,,30,60",
                indicator + "," + old + ",2024,,,20,40"),
            false)
        .statusCode(422)
        .body("errors.field", contains("row 3.area"))
        .body(
            "errors[0].message",
            equalTo(old + " did not exist in 2024 (valid from 1900-01-01 to 2024-01-01)"));
    importCsv(
            "indicator,area,period,dimension,category,numerator,denominator\n"
                + indicator
                + ","
                + north
                + ",2024,,,30,60",
            false)
        .statusCode(200);

    given()
        .queryParam("area", north)
        .queryParam("history", true)
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .statusCode(200)
        .body("values.area", contains(old, old, north))
        .body("values.period", contains("2022", "2023", "2024"))
        .body("values.value", contains(40.0f, 45.0f, 50.0f));
    given()
        .queryParam("area", north)
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("values.area", contains(north));
  }

  @Test
  void aMergeEndsEveryPredecessorAndABrokenChangeIsRefusedWithTheField() {
    String a = district("merge");
    String b = district("merge");
    String merged = unique("merged");
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(
            Map.of(
                "effective", "2025-07-01",
                "predecessors", List.of(a, b),
                "successors", List.of(Map.of("code", merged, "name", "Vereint"))))
        .post("/v1/areas/changes")
        .then()
        .statusCode(200)
        .body("[0].predecessors", containsInAnyOrder(a, b));
    given().get("/v1/areas/" + b).then().body("validTo", equalTo("2025-07-01"));

    // a predecessor that has ended already cannot be split again
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(
            Map.of(
                "effective", "2026-01-01",
                "predecessors", List.of(a),
                "successors", List.of(Map.of("code", unique("x"), "name", "X"))))
        .post("/v1/areas/changes")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("predecessors"));
  }

  @Test
  void writingAreasAndIndicatorsTakesAnAnalystOrAdmin() {
    Map<String, Object> area = Map.of("name", "X", "level", "DISTRICT", "parent", "city");
    given()
        .contentType("application/json")
        .body(area)
        .put("/v1/areas/" + unique("anon"))
        .then()
        .statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .contentType("application/json")
        .body(area)
        .put("/v1/areas/" + unique("citizen"))
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.forUser("admin1"))
        .contentType("application/json")
        .body(Map.of("name", "X", "level", "DISTRICT", "parent", "nowhere"))
        .put("/v1/areas/" + unique("orphan"))
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("parent"));
  }

  @Test
  void theStarterCatalogueHasAtLeast25IndicatorsWithTheirSourcesNamed() {
    given()
        .get("/v1/indicators")
        .then()
        .statusCode(200)
        .body("size()", greaterThanOrEqualTo(25))
        .body("sourceName", everyItem(notNullValue()))
        .body("code", hasItem("OFFERS_PER_1000"))
        .body("code", hasItem("SCHOOL_LEAVERS_NO_CERTIFICATE"));
    given()
        .queryParam("source", "EVENTS")
        .get("/v1/indicators")
        .then()
        .body("code", hasItem("REFERRAL_COMPLETION_RATE"))
        .body("source", everyItem(equalTo("EVENTS")));
    given()
        .get("/v1/indicators/CHILDCARE_RATE_UNDER_3")
        .then()
        .body("factor", equalTo(100))
        .body("sourceName", equalTo("Kinder- und Jugendhilfestatistik (Statistisches Landesamt)"));
  }
}
