package org.lernstadt.monitoring.value;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.monitoring.Fixtures.analyst;
import static org.lernstadt.monitoring.Fixtures.district;
import static org.lernstadt.monitoring.Fixtures.importCsv;
import static org.lernstadt.monitoring.Fixtures.importedIndicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Public output hides small cells and, by secondary suppression, the cells that would let a reader
 * recover them from a total; analysts see everything; exports never turn a hidden cell into 0.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class SuppressionExportTest {

  private String indicator;
  private String a;
  private String b;
  private String c;
  private String d;

  /**
   * City 65 of 130 = a 3/10 + b 10/20 + c 12/30 + d 40/70; d's 40 = 2 (16-24) + 38 (25-44). Minimum
   * cell size 5: a and d/16-24 are small.
   */
  @BeforeEach
  void importTable() {
    indicator = importedIndicator("SUP", 5, "ageBand");
    a = district("sa");
    b = district("sb");
    c = district("sc");
    d = district("sd");
    importCsv(
            String.join(
                "\n",
                "indicator,area,period,dimension,category,numerator,denominator",
                indicator + ",city,2025,,,65,130",
                indicator + "," + a + ",2025,,,3,10",
                indicator + "," + b + ",2025,,,10,20",
                indicator + "," + c + ",2025,,,12,30",
                indicator + "," + d + ",2025,,,40,70",
                indicator + "," + d + ",2025,ageBand,16-24,2,5",
                indicator + "," + d + ",2025,ageBand,25-44,38,65"),
            false)
        .statusCode(200);
  }

  @Test
  void smallCellsAndTheirPartnersAreHiddenFromThePublicButNotFromAnalysts() {
    JsonPath open =
        given()
            .get("/v1/indicators/" + indicator + "/values")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(true, open.getBoolean("suppressed"));
    assertHidden(open, a, "", "PRIMARY");
    assertHidden(open, b, "", "SECONDARY");
    assertHidden(open, d, "16-24", "PRIMARY");
    assertHidden(open, d, "25-44", "SECONDARY");
    assertEquals(40.0f, value(open, c, "").get("value"));
    assertEquals(57.1f, value(open, d, "").get("value"));
    assertEquals(50.0f, value(open, "city", "").get("value"));
    // what the public sees cannot give a's or b's numerator alone: 65 - 12 - 40 = a + b
    assertEquals(
        13,
        65 - (int) value(open, c, "").get("numerator") - (int) value(open, d, "").get("numerator"));

    JsonPath internal =
        given()
            .auth()
            .oauth2(analyst())
            .get("/v1/indicators/" + indicator + "/values")
            .then()
            .extract()
            .jsonPath();
    assertEquals(false, internal.getBoolean("suppressed"));
    assertEquals(30.0f, value(internal, a, "").get("value"));
    assertEquals("PRIMARY", value(internal, a, "").get("confidentiality"));
    assertEquals(50.0f, value(internal, b, "").get("value"));
    assertEquals(40.0f, value(internal, d, "16-24").get("value"));
  }

  @Test
  void aFilterCannotShowAGroupWithASingleHiddenCell() {
    // asking for b alone still hides it: suppression is decided over the whole table first
    given()
        .queryParam("area", b)
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("values[0].value", nullValue())
        .body("values[0].confidentiality", equalTo("SECONDARY"));
  }

  @Test
  void exportsLeaveHiddenCellsEmptyNeverZero() throws Exception {
    String csv =
        given()
            .queryParam("format", "csv")
            .get("/v1/export/" + indicator)
            .then()
            .statusCode(200)
            .contentType(containsString("text/csv"))
            .extract()
            .asString();
    assertTrue(csv.contains(indicator + "," + a + ",2025,,,,,,PRIMARY\n"), csv);
    assertTrue(csv.contains(indicator + "," + c + ",2025,,,40.0,12,30,FREE\n"), csv);

    String sdmx =
        given()
            .queryParam("format", "sdmx-csv")
            .get("/v1/export/" + indicator)
            .then()
            .statusCode(200)
            .contentType(containsString("application/vnd.sdmx.data+csv"))
            .extract()
            .asString();
    assertTrue(
        sdmx.startsWith(
            "DATAFLOW,REF_AREA,TIME_PERIOD,BREAKDOWN,OBS_VALUE,UNIT_MEASURE,UNIT_MULT,CONF_STATUS\n"));
    String flow = "LERNSTADT:" + indicator + "(1.0)";
    assertTrue(sdmx.contains(flow + "," + a + ",2025,_T,,%,0,C\n"), sdmx);
    assertTrue(sdmx.contains(flow + "," + b + ",2025,_T,,%,0,D\n"), sdmx);
    assertTrue(sdmx.contains(flow + "," + d + ",2025,ageBand=16-24,,%,0,C\n"), sdmx);
    assertTrue(sdmx.contains(flow + "," + c + ",2025,_T,40.0,%,0,F\n"), sdmx);
    assertFalse(sdmx.contains(",0.0,"), sdmx);

    String json =
        given()
            .queryParam("format", "json-stat")
            .get("/v1/export/" + indicator)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode stat = new ObjectMapper().readTree(json);
    assertEquals("2.0", stat.get("version").asText());
    assertEquals("dataset", stat.get("class").asText());
    List<String> ids = List.of("area", "period", "breakdown");
    assertEquals(ids, new ObjectMapper().convertValue(stat.get("id"), List.class));
    int areas = stat.get("size").get(0).asInt();
    int breakdowns = stat.get("size").get(2).asInt();
    assertEquals(3, breakdowns);
    assertEquals(areas * breakdowns, stat.get("value").size());
    int ia = stat.at("/dimension/area/category/index/" + a).asInt();
    int ib = stat.at("/dimension/area/category/index/" + b).asInt();
    int ic = stat.at("/dimension/area/category/index/" + c).asInt();
    int total = stat.at("/dimension/breakdown/category/index/_T").asInt();
    assertTrue(stat.get("value").get(ia * breakdowns + total).isNull());
    assertEquals("c", stat.get("status").get(Integer.toString(ia * breakdowns + total)).asText());
    assertEquals("d", stat.get("status").get(Integer.toString(ib * breakdowns + total)).asText());
    assertEquals(40.0, stat.get("value").get(ic * breakdowns + total).asDouble());
    assertNull(stat.get("status").get(Integer.toString(ic * breakdowns + total)));
    assertEquals("Stadtteil " + a, stat.at("/dimension/area/category/label/" + a).asText());

    // analysts export the whole table
    given()
        .auth()
        .oauth2(analyst())
        .queryParam("format", "sdmx-csv")
        .get("/v1/export/" + indicator)
        .then()
        .body(containsString("," + a + ",2025,_T,30.0,%,0,C\n"))
        .body(not(containsString(",_T,,%")));
  }

  @Test
  void badParametersAreProblemDetails() {
    given()
        .queryParam("format", "xlsx")
        .get("/v1/export/" + indicator)
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("format"));
    given()
        .queryParam("period", "LAST_YEARS")
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("period"));
    given()
        .queryParam("from", "2026")
        .queryParam("to", "2025")
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .statusCode(422);
    given()
        .get("/v1/indicators/NOT_THERE/values")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void relativePeriodsResolveAgainstTheReferenceDate() {
    given()
        .queryParam("period", "LAST_2_YEARS")
        .queryParam("referenceDate", "2026-03-01")
        .queryParam("area", c)
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("periods", equalTo(List.of("2024", "2025")))
        .body("values.size()", equalTo(1));
    given()
        .queryParam("period", "LAST_YEAR")
        .queryParam("referenceDate", "2025-03-01")
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("values.size()", equalTo(0));
  }

  private static void assertHidden(JsonPath body, String area, String category, String why) {
    Map<String, Object> v = value(body, area, category);
    assertNull(v.get("value"), area + " " + category + " is visible");
    assertNull(v.get("numerator"));
    assertNull(v.get("denominator"));
    assertEquals(why, v.get("confidentiality"));
  }

  private static Map<String, Object> value(JsonPath body, String area, String category) {
    List<Map<String, Object>> values = body.getList("values");
    return values.stream()
        .filter(v -> v.get("area").equals(area) && v.get("category").equals(category))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no value of " + area + " " + category));
  }
}
