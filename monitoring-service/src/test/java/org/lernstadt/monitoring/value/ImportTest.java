package org.lernstadt.monitoring.value;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.lernstadt.monitoring.Fixtures.district;
import static org.lernstadt.monitoring.Fixtures.importCsv;
import static org.lernstadt.monitoring.Fixtures.importedIndicator;
import static org.lernstadt.monitoring.Fixtures.year;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/** CSV imports: checked first, reported, applied in one transaction or not at all. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ImportTest {

  private static final String HEADER =
      "indicator,area,period,dimension,category,numerator,denominator";

  @Test
  void aDryRunReportsWhatWouldChangeAndChangesNothingThenTheImportApplies() {
    String d = district("imp");
    String indicator = importedIndicator("IMP", 0, "ageBand");
    String csv =
        String.join(
            "\n",
            HEADER,
            indicator + "," + d + ",2023,,,30,120",
            indicator + "," + d + ",2023,ageBand,16-24,10,40",
            "\"" + indicator + "\"," + d + ",2024,,,33,110");

    importCsv(csv, true)
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("rows", equalTo(3))
        .body("created", equalTo(3))
        .body("changes.row", contains(2, 3, 4))
        .body("changes[0].newValue", equalTo(25.0f));
    given().get("/v1/indicators/" + indicator + "/values").then().body("values", empty());

    importCsv(csv, false).statusCode(200).body("created", equalTo(3));
    given()
        .get("/v1/indicators/" + indicator + "/values")
        .then()
        .body("values", hasSize(3))
        .body("values.value", contains(25.0f, 25.0f, 30.0f))
        .body("values[0].numerator", equalTo(30))
        .body("values[0].denominator", equalTo(120));

    // the same file again changes nothing; one corrected row is an update
    importCsv(csv, false).statusCode(200).body("unchanged", equalTo(3)).body("changes", empty());
    importCsv(HEADER + "\n" + indicator + "," + d + ",2024,,,44,110\n", true)
        .statusCode(200)
        .body("updated", equalTo(1))
        .body("changes[0].change", equalTo("UPDATED"))
        .body("changes[0].oldValue", equalTo(30.0f))
        .body("changes[0].newValue", equalTo(40.0f));
  }

  @Test
  void oneBadRowRejectsTheWholeImportNamingEachRowAndReason() {
    String d = district("bad");
    String indicator = importedIndicator("BAD", 0, null);
    String csv =
        String.join(
            "\n",
            HEADER,
            indicator + "," + d + ",2023,,,30,120",
            indicator + ",nowhere,2023,,,1,2",
            indicator + "," + d + ",2023Q2,,,1,2",
            indicator + "," + d + ",2022,,,-4,10",
            indicator + "," + d + ",2021,,,4,0",
            indicator + "," + d + ",2020,,,x,10",
            indicator + "," + d + ",2019,topic,LANGUAGES,1,10",
            "NO_SUCH," + d + ",2023,,,1,2",
            "OFFERS_PER_1000," + d + ",2023,,,1,2",
            indicator + "," + d + ",2023,,,31,120",
            indicator + "," + d + ",2018,,,1");

    importCsv(csv, false)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("title", equalTo("Import rejected"))
        .body(
            "errors.field",
            contains(
                "row 3.area",
                "row 4.period",
                "row 5.numerator",
                "row 6.denominator",
                "row 7.numerator",
                "row 8.dimension",
                "row 9.indicator",
                "row 10.indicator",
                "row 11",
                "row 12"))
        .body("errors[0].message", equalTo("no such area: nowhere"))
        .body("errors[1].message", equalTo(indicator + " has YEAR periods"))
        .body(
            "errors[8].message",
            equalTo("repeats the value " + indicator + "/" + d + "/2023// of an earlier row"))
        .body("errors[9].message", equalTo("has 6 fields, expected 7"));
    // the good first row was not applied either
    given().get("/v1/indicators/" + indicator + "/values").then().body("values", empty());
  }

  @Test
  void populationImportsGiveTheDenominatorOfPerThousandIndicators() {
    String d = district("pop");
    int year = year();
    importCsv(
            "area,year,ageBand,persons\n"
                + d
                + ","
                + year
                + ",TOTAL,8000\n"
                + d
                + ","
                + year
                + ",65+,1600\n",
            false)
        .statusCode(200)
        .body("kind", equalTo("POPULATION"))
        .body("created", equalTo(2));
    importCsv(HEADER + "\nVHS_HOURS_PER_1000," + d + "," + year + ",,,2000,\n", false)
        .statusCode(200);
    given()
        .queryParam("area", d)
        .get("/v1/indicators/VHS_HOURS_PER_1000/values")
        .then()
        .body("values[0].denominator", equalTo(8000))
        .body("values[0].value", equalTo(250.0f));

    importCsv(HEADER + "\nVHS_HOURS_PER_1000," + d + "," + (year + 50) + ",,,2000,\n", false)
        .statusCode(422)
        .body("errors[0].field", equalTo("row 2.denominator"));
    importCsv("area,year,ageBand,persons\n" + d + "," + year + ",70+,5\n", false)
        .statusCode(422)
        .body("errors[0].field", equalTo("row 2.ageBand"));
    importCsv("what,ever\n", false).statusCode(422).body("errors[0].field", equalTo("header"));
  }

  @Test
  void onlyAnalystsAndAdminsImport() {
    given().contentType("text/csv").body(HEADER).post("/v1/imports").then().statusCode(401);
    given()
        .auth()
        .oauth2(Tokens.forUser("editor1"))
        .contentType("text/csv")
        .body(HEADER)
        .post("/v1/imports")
        .then()
        .statusCode(403);
  }
}
