package org.lernstadt.monitoring.analysis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.monitoring.Fixtures.analyst;
import static org.lernstadt.monitoring.Fixtures.district;
import static org.lernstadt.monitoring.Fixtures.importCsv;
import static org.lernstadt.monitoring.Fixtures.importedIndicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.Topics;

/** Rules raise one alert when they start to hold and resolve it when they stop; trends, targets. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class EarlyWarningTest {

  /** Numbers as doubles, for closeTo. */
  private static final RestAssuredConfig DOUBLES =
      RestAssuredConfig.config()
          .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

  private static final String HEADER =
      "indicator,area,period,dimension,category,numerator,denominator";

  @Test
  void aFallingSeriesRaisesExactlyOneAlertAndItsRecoveryResolvesIt() {
    String d = district("warn");
    String indicator = importedIndicator("WARN", 0, null);
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("area", d, "kind", "FALLING", "periods", 2, "importance", "HIGH"))
        .post("/v1/indicators/" + indicator + "/rules")
        .then()
        .statusCode(201)
        .body("kind", equalTo("FALLING"))
        .body("missing", equalTo("SKIP_IF_ANY_MISSING"));

    importCsv(
            HEADER
                + "\n"
                + row(indicator, d, 2018, 40)
                + row(indicator, d, 2019, 42)
                + row(indicator, d, 2020, 44)
                + row(indicator, d, 2021, 46),
            false)
        .statusCode(200);
    importCsv(HEADER + "\n" + row(indicator, d, 2022, 43), false).statusCode(200);
    alerts(indicator).body("", hasSize(0));

    importCsv(HEADER + "\n" + row(indicator, d, 2023, 41), false).statusCode(200);
    alerts(indicator)
        .body("", hasSize(1))
        .body("[0].period", equalTo("2023"))
        .body("[0].importance", equalTo("HIGH"))
        .body("[0].resolvedAt", nullValue())
        .body(
            "[0].message",
            equalTo(
                "Test "
                    + indicator
                    + " in "
                    + d
                    + " (2023): fell in each of the last 2 periods, from 46 to 41"));

    // still falling: the same alert stays open, no second one
    importCsv(HEADER + "\n" + row(indicator, d, 2024, 39), false).statusCode(200);
    alerts(indicator).body("", hasSize(1));

    importCsv(HEADER + "\n" + row(indicator, d, 2025, 45), false).statusCode(200);
    alerts(indicator).body("", hasSize(1)).body("[0].resolvedPeriod", equalTo("2025"));
    given()
        .auth()
        .oauth2(analyst())
        .queryParam("open", true)
        .queryParam("indicator", indicator)
        .get("/v1/alerts")
        .then()
        .body("", hasSize(0));

    String key = indicator + "/" + d;
    Topics.awaitRecord(
        "monitoring.indicators.v1",
        r ->
            key.equals(r.key())
                && "org.lernstadt.monitoring.alert.resolved.v1".equals(Topics.header(r, "ce_type")),
        Duration.ofSeconds(30));
    List<String> types =
        Topics.readToEnd("monitoring.indicators.v1", Duration.ofSeconds(30)).stream()
            .filter(r -> key.equals(r.key()))
            .map(r -> Topics.header(r, "ce_type"))
            .filter(t -> t.contains(".alert."))
            .toList();
    assertEquals(
        List.of(
            "org.lernstadt.monitoring.alert.raised.v1",
            "org.lernstadt.monitoring.alert.resolved.v1"),
        types);

    // the trend of the series: 40 42 44 46 43 41 39 45, slope 4 / 42, a poor fit, so weak
    given()
        .config(DOUBLES)
        .queryParam("area", d)
        .get("/v1/indicators/" + indicator + "/trend")
        .then()
        .statusCode(200)
        .body("periods", contains("2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"))
        .body("trend.slope", closeTo(4.0 / 42, 1e-9))
        .body("trend.change", closeTo(6.0, 1e-9))
        .body("trend.weak", equalTo(true))
        .body("forecastPeriods", contains("2026", "2027", "2028"));

    // targets: 45 in 2025 meets 44; the line does not reach 50 by 2027
    putTarget(indicator, d, 2025, 44);
    putTarget(indicator, d, 2027, 50);
    given()
        .config(DOUBLES)
        .get("/v1/indicators/" + indicator + "/targets")
        .then()
        .body("status", contains("ACHIEVED", "OFF_TRACK"))
        .body("[0].distance", closeTo(1.0, 1e-9));
    given()
        .get("/v1/targets/review/2025")
        .then()
        .statusCode(200)
        .body("find { it.indicator == '" + indicator + "' }.status", equalTo("ACHIEVED"));
    given()
        .queryParam("area", d)
        .queryParam("from", "2025")
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("values[0].target", equalTo(44))
        .body("values[0].distanceToTarget", equalTo(1.0f));
  }

  @Test
  void aRuleForEveryAreaIsEvaluatedAtOnceOnTheValuesThereAre() {
    String low = district("low");
    String high = district("high");
    String indicator = importedIndicator("BELOW", 0, null);
    importCsv(HEADER + "\n" + row(indicator, low, 2024, 20) + row(indicator, high, 2024, 60), false)
        .statusCode(200);
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("kind", "BELOW", "threshold", 30, "importance", "MEDIUM"))
        .post("/v1/indicators/" + indicator + "/rules")
        .then()
        .statusCode(201);
    alerts(indicator).body("area", contains(low));

    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("kind", "BELOW", "importance", "LOW"))
        .post("/v1/indicators/" + indicator + "/rules")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("threshold"));
    given().auth().oauth2(Tokens.forUser("citizen1")).get("/v1/alerts").then().statusCode(403);
  }

  @Test
  void aDeviationFromTheCityIsDecidedAgainWhenTheCityChanges() {
    String d = district("dev");
    String indicator = importedIndicator("DEV", 0, null);
    importCsv(HEADER + "\n" + row(indicator, "city", 2024, 50) + row(indicator, d, 2024, 44), false)
        .statusCode(200);
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("kind", "DEVIATION_FROM_CITY", "threshold", 10, "importance", "MEDIUM"))
        .post("/v1/indicators/" + indicator + "/rules")
        .then()
        .statusCode(201);
    // 44 lies 12% below the city's 50
    alerts(indicator)
        .body("area", contains(d))
        .body(
            "[0].message",
            equalTo(
                "Test "
                    + indicator
                    + " in "
                    + d
                    + " (2024): value 44 lies 12% below the city's 50"));

    // only the city changes: 44 is now 8.3% below 48, within 10%
    importCsv(HEADER + "\n" + row(indicator, "city", 2024, 48), false).statusCode(200);
    alerts(indicator).body("", hasSize(1)).body("[0].resolvedPeriod", equalTo("2024"));
  }

  @Test
  void outliersAreFlaggedForFollowUpForAnalystsOnly() {
    String d = district("odd");
    String indicator = importedIndicator("ODD", 0, null);
    importCsv(
            HEADER
                + "\n"
                + row(indicator, d, 2019, 10)
                + row(indicator, d, 2020, 11)
                + row(indicator, d, 2021, 9)
                + row(indicator, d, 2022, 10)
                + row(indicator, d, 2023, 30),
            false)
        .statusCode(200);
    given()
        .config(DOUBLES)
        .auth()
        .oauth2(analyst())
        .post("/v1/indicators/" + indicator + "/quality")
        .then()
        .statusCode(200)
        .body("period", contains("2023"))
        .body("[0].modifiedZ", closeTo(13.49, 0.01));
    given()
        .auth()
        .oauth2(analyst())
        .queryParam("from", "2023")
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("values[0].flagged", startsWith("outlier: z 1.78, modified z 13.49"));
    given()
        .queryParam("from", "2023")
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("values[0].flagged", nullValue())
        .body("values.value", hasItem(30.0f));
  }

  private static io.restassured.response.ValidatableResponse alerts(String indicator) {
    return given()
        .auth()
        .oauth2(analyst())
        .queryParam("indicator", indicator)
        .get("/v1/alerts")
        .then()
        .statusCode(200);
  }

  private static void putTarget(String indicator, String area, int year, int target) {
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("area", area, "year", year, "target", target, "guideline", "Leitlinie 3"))
        .put("/v1/indicators/" + indicator + "/targets")
        .then()
        .statusCode(200);
  }

  /** A value of exactly {@code value} percent: value of 100. */
  private static String row(String indicator, String area, int year, int value) {
    return indicator + "," + area + "," + year + ",,," + value + ",100\n";
  }
}
