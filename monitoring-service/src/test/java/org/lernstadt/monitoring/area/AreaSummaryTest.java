package org.lernstadt.monitoring.area;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.lernstadt.monitoring.Fixtures.analyst;
import static org.lernstadt.monitoring.Fixtures.district;
import static org.lernstadt.monitoring.Fixtures.importCsv;
import static org.lernstadt.monitoring.Fixtures.importedIndicator;

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
import org.lernstadt.platform.testing.Tokens;

/**
 * An area's indicators at a glance: the latest total and the one before, suppressed for the public
 * exactly as the values endpoint suppresses them, open alerts for analysts and admins only.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class AreaSummaryTest {

  private String shares;
  private String rising;
  private String elsewhere;
  private String a;
  private String b;
  private String c;
  private String d;

  /**
   * {@code shares} (minimum cell size 5): 2024 all published; 2025 the table of the suppression
   * tests: a 3/10 is small (primary), b is its partner (secondary), d's small age band is hidden
   * with its partner band, so d's total stays published. {@code rising}: c only, 2023 and 2025; a
   * only 2025. {@code elsewhere}: only in b. A rule raises an alert for a (below 40 in 2025).
   */
  @BeforeEach
  void importTables() {
    shares = importedIndicator("SHARE", 5, "ageBand");
    rising = importedIndicator("RISE", 0, null);
    elsewhere = importedIndicator("ELSE", 0, null);
    a = district("pa");
    b = district("pb");
    c = district("pc");
    d = district("pd");
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("area", a, "kind", "BELOW", "threshold", 40, "importance", "HIGH"))
        .post("/v1/indicators/" + shares + "/rules")
        .then()
        .statusCode(201);
    importCsv(
            String.join(
                "\n",
                "indicator,area,period,dimension,category,numerator,denominator",
                shares + ",city,2024,,,60,120",
                shares + "," + a + ",2024,,,10,20",
                shares + "," + b + ",2024,,,12,20",
                shares + "," + c + ",2024,,,12,30",
                shares + "," + d + ",2024,,,26,50",
                shares + ",city,2025,,,65,130",
                shares + "," + a + ",2025,,,3,10",
                shares + "," + b + ",2025,,,10,20",
                shares + "," + c + ",2025,,,12,30",
                shares + "," + d + ",2025,,,40,70",
                shares + "," + d + ",2025,ageBand,16-24,2,5",
                shares + "," + d + ",2025,ageBand,25-44,38,65",
                rising + "," + c + ",2023,,,40,100",
                rising + "," + c + ",2025,,,45,100",
                rising + "," + a + ",2025,,,20,100",
                elsewhere + "," + b + ",2025,,,7,100"),
            false)
        .statusCode(200);
  }

  private static JsonPath summary(String area, String token) {
    var request = given();
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    return request
        .get("/v1/areas/" + area + "/indicators")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .extract()
        .jsonPath();
  }

  /** The entry of the indicator, or null. */
  private static Map<String, Object> entry(JsonPath summary, String indicator) {
    List<Map<String, Object>> entries = summary.getList("indicators");
    return entries.stream().filter(e -> indicator.equals(e.get("code"))).findFirst().orElse(null);
  }

  @Test
  void thePublicSeesTheLatestValuesSuppressedAndNoAlerts() {
    JsonPath open = summary(a, null);
    assertEquals(a, open.getString("area.code"));
    assertEquals("Stadtteil " + a, open.getString("area.name"));
    assertEquals("DISTRICT", open.getString("area.level"));

    Map<String, Object> share = entry(open, shares);
    assertEquals("Test " + shares, share.get("name"));
    assertEquals("%", share.get("unit"));
    assertEquals("SCHOOL", share.get("topicArea"));
    assertEquals("2025", share.get("period"));
    assertNull(share.get("value"), "a's small cell is hidden");
    assertEquals("PRIMARY", share.get("confidentiality"));
    assertEquals("2024", share.get("previousPeriod"));
    assertEquals(50.0f, share.get("previousValue"));
    assertEquals("FLAT", share.get("direction"), "no direction from a hidden value");
    assertFalse(share.containsKey("openAlerts"), "alerts are internal");

    Map<String, Object> only = entry(open, rising);
    assertEquals("2025", only.get("period"));
    assertEquals(20.0f, only.get("value"));
    assertEquals("FREE", only.get("confidentiality"));
    assertNull(only.get("previousPeriod"));
    assertNull(only.get("previousValue"));
    assertEquals("FLAT", only.get("direction"));
    assertNull(entry(open, elsewhere), "no value in a");

    // b alone is hidden too (it is a's partner), as the values endpoint hides it
    Map<String, Object> partner = entry(summary(b, null), shares);
    assertNull(partner.get("value"));
    assertEquals("SECONDARY", partner.get("confidentiality"));
    given()
        .queryParam("area", b)
        .queryParam("dimension", "total")
        .queryParam("from", "2025")
        .get("/v1/indicators/" + shares + "/values")
        .then()
        .body("values[0].confidentiality", equalTo("SECONDARY"));

    // d's total is published though its age bands are not; c's series: flat, then up
    JsonPath ofD = summary(d, Tokens.forUser("citizen1"));
    assertEquals(57.1f, entry(ofD, shares).get("value"));
    assertEquals(52.0f, entry(ofD, shares).get("previousValue"));
    assertEquals("UP", entry(ofD, shares).get("direction"));
    assertFalse(entry(ofD, shares).containsKey("openAlerts"), "not for citizens either");
    JsonPath ofC = summary(c, null);
    assertEquals("FLAT", entry(ofC, shares).get("direction"));
    assertEquals(40.0f, entry(ofC, shares).get("value"));
    assertEquals("2023", entry(ofC, rising).get("previousPeriod"));
    assertEquals(45.0f, entry(ofC, rising).get("value"));
    assertEquals("UP", entry(ofC, rising).get("direction"));
  }

  @Test
  void analystsAndAdminsSeeEveryValueAndTheOpenAlerts() {
    for (String token : List.of(analyst(), Tokens.forUser("admin1"))) {
      JsonPath internal = summary(a, token);
      Map<String, Object> share = entry(internal, shares);
      assertEquals(30.0f, share.get("value"));
      assertEquals("PRIMARY", share.get("confidentiality"), "still says it is hidden publicly");
      assertEquals(50.0f, share.get("previousValue"));
      assertEquals("DOWN", share.get("direction"));
      assertEquals(1, share.get("openAlerts"));
      assertEquals(0, entry(internal, rising).get("openAlerts"));
    }
    Map<String, Object> partner = entry(summary(b, analyst()), shares);
    assertEquals(50.0f, partner.get("value"));
    assertEquals(60.0f, partner.get("previousValue"));
    assertEquals("DOWN", partner.get("direction"));
  }

  @Test
  void anAreaWithoutValuesHasNoIndicatorsAndAnUnknownOneIsNotFound() {
    given()
        .get("/v1/areas/" + district("empty") + "/indicators")
        .then()
        .statusCode(200)
        .body("indicators", hasSize(0));
    given()
        .get("/v1/areas/no-such-area/indicators")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
