package org.lernstadt.monitoring.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.monitoring.Fixtures.analyst;
import static org.lernstadt.monitoring.Fixtures.district;
import static org.lernstadt.monitoring.Fixtures.importCsv;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** The yearly report of a district renders as HTML with charts and sentences from the numbers. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ReportTest {

  @Test
  void aDistrictReportHasItsTablesChartsTextsAndAlerts() throws Exception {
    String d = district("rep");
    StringBuilder csv =
        new StringBuilder("indicator,area,period,dimension,category,numerator,denominator\n");
    // school leavers without certificate fall from 12% to 8% over five years, steadily
    int[] noCertificate = {12, 11, 10, 9, 8};
    for (int i = 0; i < noCertificate.length; i++) {
      csv.append("SCHOOL_LEAVERS_NO_CERTIFICATE,")
          .append(d)
          .append(',')
          .append(2021 + i)
          .append(",,,")
          .append(noCertificate[i] * 10)
          .append(",1000\n");
    }
    csv.append("ABITUR_SHARE,").append(d).append(",2025,,,2,10\n");
    importCsv(csv.toString(), false).statusCode(200);
    given()
        .auth()
        .oauth2(analyst())
        .contentType("application/json")
        .body(Map.of("area", d, "kind", "BELOW", "threshold", 50, "importance", "HIGH"))
        .post("/v1/indicators/ABITUR_SHARE/rules")
        .then()
        .statusCode(201);

    String html =
        given()
            .queryParam("area", d)
            .get("/v1/reports/2025")
            .then()
            .statusCode(200)
            .contentType("text/html")
            .extract()
            .asString();
    // kept for looking at it, e.g. rendered to PNG by a headless browser (README, Report)
    Files.writeString(Path.of("target", "report-sample.html"), html);
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("<h1>Bildungsbericht 2025 – Stadtteil " + d + "</h1>"), html);
    assertTrue(html.contains("<h2>Schule</h2>"));
    assertTrue(html.contains("<svg"), "a chart is drawn");
    assertTrue(html.contains("<title>2025: 8</title>"), "the chart's points carry their values");
    assertTrue(
        html.contains(
            "School leavers without a certificate lag 2025 in Stadtteil "
                + d
                + " bei 8 (%), ein Rückgang um 1 gegenüber dem Vorjahr (günstig)."),
        html);
    assertTrue(html.contains("fällt der Wert im Mittel um 1 pro Jahr (R² 1.00)"), html);
    assertTrue(html.contains("Quelle: Schulstatistik (Statistisches Landesamt)"));
    // 2 of 10 is below the minimum cell size: the public report hides it
    assertTrue(html.contains("Für 2025 liegt kein veröffentlichbarer Wert vor."), html);
    assertTrue(html.contains("School leavers with university entrance qualification"));
    assertTrue(
        html.contains(
            "<strong>HIGH</strong> School leavers with university entrance qualification:"
                + " Frühwarnung seit 2025"),
        "the open alert is listed");
    assertFalse(html.contains("value 20"), "the alert's message would show the hidden value");

    String internal =
        given()
            .auth()
            .oauth2(analyst())
            .queryParam("area", d)
            .get("/v1/reports/2025")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(internal.contains("Interne Fassung"));
    assertFalse(internal.contains("Für 2025 liegt kein veröffentlichbarer Wert vor."));
    assertTrue(internal.contains("(2025): value 20 is below 50"));
    given().queryParam("area", "nowhere").get("/v1/reports/2025").then().statusCode(404);
  }
}
