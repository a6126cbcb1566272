package org.lernstadt.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.ServiceApplication;
import org.lernstadt.platform.testing.Tokens;

/**
 * The screens' aggregations over the real services: complete when all are up, partial (in time,
 * with what is missing named) when one is down.
 */
@QuarkusTest
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(PlatformServicesResource.class)
class ScreensTest {

  private static Screens.City city;

  @BeforeEach
  void seedOnce() {
    if (city == null) {
      city = Screens.seed();
    }
  }

  @Test
  void aDistrictProfileGathersEveryService() {
    given()
        .get("/api/v1/districts/" + city.code() + "/profile")
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("name", equalTo("Bezirk " + city.word()))
        .body("missing", empty())
        .body("offers.upcoming", equalTo(1))
        .body("offers.next.id", contains(city.offerId()))
        .body("offers.byTopic.DIGITAL_SKILLS", equalTo(1))
        .body("learningPlaces.name", contains("Lernort " + city.word()))
        .body("counselling[0].centre.id", equalTo(city.centreId()))
        .body("counselling[0].inDistrict", equalTo(true))
        .body("counselling[0].nextFreeSlot.free", equalTo(true))
        .body("openDialogues.id", contains(city.dialogueId()))
        .body("indicators.code", hasItem(city.indicator()))
        .body("indicators.find { it.code == '" + city.indicator() + "' }.value", equalTo(36.0f))
        .body("indicators.find { it.code == '" + city.indicator() + "' }.direction", equalTo("UP"))
        .body(
            "indicators.find { it.code == '" + city.indicator() + "' }", not(hasKey("openAlerts")));
    // An analyst's own token shows the alert state, which is not public.
    given()
        .auth()
        .oauth2(Tokens.forUser("analyst1"))
        .get("/api/v1/districts/" + city.code() + "/profile")
        .then()
        .statusCode(200)
        .header("Cache-Control", equalTo("no-store"))
        .body("indicators.find { it.code == '" + city.indicator() + "' }.openAlerts", equalTo(0));
  }

  @Test
  void aDistrictWithoutACentreShowsTheNearestOnes() {
    String empty = Screens.emptyDistrictNextTo(city);
    given()
        .get("/api/v1/districts/" + empty + "/profile")
        .then()
        .statusCode(200)
        .body("missing", empty())
        .body("offers.upcoming", equalTo(0))
        .body("counselling[0].centre.id", equalTo(city.centreId()))
        .body("counselling[0].inDistrict", equalTo(false))
        .body("openDialogues", empty())
        .body("indicators", empty());
  }

  @Test
  void aProfileIsAnsweredWithoutAStoppedServiceAndSaysWhatIsMissing() {
    ServiceApplication.stop("participation-service");
    try {
      Response partial = given().get("/api/v1/districts/" + city.code() + "/profile");
      partial
          .then()
          .statusCode(200)
          .header("Cache-Control", equalTo("no-store"))
          .body("openDialogues", nullValue())
          .body("missing.part", contains("openDialogues"))
          .body("missing[0].service", equalTo("participation"))
          .body("offers.next.id", contains(city.offerId()))
          .body("counselling[0].centre.id", equalTo(city.centreId()));
      // The routes of the other services still work; the stopped one's is a problem, not a hang.
      given()
          .auth()
          .oauth2(Tokens.forUser("citizen1"))
          .get("/participation/v1/dialogues")
          .then()
          .statusCode(502)
          .contentType("application/problem+json");
      given().get("/catalogue/v1/offers/" + city.offerId()).then().statusCode(200);
      given()
          .get("/q/health/ready")
          .then()
          .statusCode(200)
          .body("checks.find { it.name == 'services' }.data.participation", equalTo("DOWN"))
          .body("checks.find { it.name == 'services' }.data.degraded", equalTo(true));
    } finally {
      ServiceApplication.startAgain("participation-service");
    }
  }

  @Test
  void oneSearchFindsEveryKind() {
    given()
        .queryParam("q", city.word())
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("missing", empty())
        .body("offers.items.id", contains(city.offerId()))
        .body("providers.items.name", contains("Lernwerkstatt " + city.word()))
        .body("learningPlaces.items.name", contains("Lernort " + city.word()))
        .body("counsellingCentres.items.id", contains(city.centreId()))
        .body("dialogues.items.id", contains(city.dialogueId()));
  }

  @Test
  void theHomePageCountsAndListsWhatIsOn() {
    given()
        .get("/api/v1/home")
        .then()
        .statusCode(200)
        .body("missing", empty())
        .body("counts.upcomingOffers", notNullValue())
        .body("counts.counsellingCentres", notNullValue())
        .body("counts.openDialogues", notNullValue())
        .body("nextOffers", notNullValue())
        .body("openDialogues", notNullValue())
        .body("cityIndicators", notNullValue());
  }

  @Test
  void badInputIsAProblemNamingTheField() {
    given()
        .get("/api/v1/districts/no-such-district/profile")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .get("/api/v1/districts/" + "x".repeat(30) + "/profile")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    given()
        .queryParam("q", "a")
        .get("/api/v1/search")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("q")));
  }
}
