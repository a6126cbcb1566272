package org.lernstadt.monitoring.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.monitoring.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * The fields a role may not see: a small cell's value, numerator and denominator are hidden from
 * every role but analyst and admin, on the same public endpoint (SuppressionExportTest shows the
 * suppression rules themselves).
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class PropertyLevelAccessTest {

  @Test
  void aSmallCellIsVisibleToAnalystsAndAdminsOnly() {
    String indicator = Fixtures.importedIndicator("PROP", 5, null);
    String small = Fixtures.district("small");
    String large = Fixtures.district("large");
    Fixtures.importCsv(
            String.join(
                "\n",
                "indicator,area,period,dimension,category,numerator,denominator",
                indicator + "," + small + ",2025,,,3,10",
                indicator + "," + large + ",2025,,,40,70"),
            false)
        .statusCode(200);

    assertNull(smallCell(null, indicator, small).get("numerator"), "anonymous");
    for (String user : List.of("citizen1", "editor1", "counselor1", "moderator1", "dpo1")) {
      Map<String, Object> cell = smallCell(Tokens.forUser(user), indicator, small);
      assertNull(cell.get("value"), user + " sees the small cell's value");
      assertNull(cell.get("numerator"), user + " sees the small cell's numerator");
      assertNull(cell.get("denominator"), user + " sees the small cell's denominator");
    }
    for (String user : List.of("analyst1", "admin1")) {
      Map<String, Object> cell = smallCell(Tokens.forUser(user), indicator, small);
      assertNotNull(cell.get("value"), user);
      assertEquals(3, ((Number) cell.get("numerator")).intValue(), user);
    }
  }

  private static Map<String, Object> smallCell(String token, String indicator, String area) {
    var request = given();
    if (token != null) {
      request = request.auth().oauth2(token);
    }
    List<Map<String, Object>> values =
        request
            .get("/v1/indicators/" + indicator + "/values")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("values");
    return values.stream()
        .filter(v -> area.equals(v.get("area")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no value of " + area + ": " + values));
  }
}
