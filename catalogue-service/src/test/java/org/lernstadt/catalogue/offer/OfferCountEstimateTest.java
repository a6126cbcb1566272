package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The search's paths for a large catalogue, with the few offers of a test: a search that matches
 * more offers than are counted exactly is counted on a sample of the table and flagged as
 * approximate, and a page in distance order looks further than the nearest sessions it read first.
 * The test profile (application.properties) sets the exact limit to one offer, the sample to all
 * but one in a million of the table's pages (so the estimate must equal the true counts) and the
 * first read to one session.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class OfferCountEstimateTest {

  /**
   * With one nearest session read at first, a page in distance order has to look further (1, 8, 64,
   * … sessions): the order and the pages must be those of the exact distances all the same.
   */
  @Test
  void distanceOrderLooksFurtherUntilThePageIsFull() throws Exception {
    PartnerOfferTest.providersAndADistrict();
    String word = PartnerOfferTest.word("naehewort");
    // Five offers 0, 1, 2, 3 and 4 km east of the point (1 km is 0.014591° of longitude at 52° N),
    // pushed out of order.
    for (int km : new int[] {3, 0, 4, 1, 2}) {
      PartnerOfferTest.put(
              "partner-vhs",
              word + "-" + km,
              PartnerOfferTest.offer(
                  "Nähe " + km + " " + word,
                  "PUBLISHED",
                  PartnerOfferTest.session(
                      "2027-03-01T17:00:00+01:00", 52.05, 13.05 + km * 0.014591)))
          .statusCode(201);
    }
    String near = "?q=" + word + "&lat=52.05&lon=13.05&sort=distance";
    JsonPath first =
        given().get("/v1/offers" + near + "&limit=2").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of(0.0, 1.0), first.getList("items.distanceKm", Double.class));
    JsonPath second =
        given()
            .get("/v1/offers" + near + "&limit=2&cursor=" + first.getString("next"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(2.0, 3.0), second.getList("items.distanceKm", Double.class));
    JsonPath within =
        given()
            .get("/v1/offers" + near + "&radiusKm=2.5")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(0.0, 1.0, 2.0), within.getList("items.distanceKm", Double.class));
  }

  @Test
  void broadSearchCountsAreEstimatedFromTheSampleAndFlagged() throws Exception {
    PartnerOfferTest.providersAndADistrict();
    String word = PartnerOfferTest.word("schaetzwort");
    for (int i = 0; i < 3; i++) {
      PartnerOfferTest.put(
              "partner-vhs",
              word + "-" + i,
              PartnerOfferTest.offer(
                  (i == 0 ? "Aquarellmalerei " : "Schätzkurs ") + word,
                  "PUBLISHED",
                  PartnerOfferTest.ONE_SESSION_IN_MITTE))
          .statusCode(201);
    }

    JsonPath broad =
        given().get("/v1/offers?q=" + word).then().statusCode(200).extract().jsonPath();
    assertTrue(broad.getBoolean("approximate"));
    assertEquals(3, broad.getInt("total"));
    assertEquals(3, broad.getInt("facets.district.mitte"));
    assertEquals(3, broad.getInt("facets.cost.FREE"));
    assertEquals(3, broad.getList("items").size());

    JsonPath narrow =
        given()
            .queryParam("q", word + " aquarellmalerei")
            .get("/v1/offers")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, narrow.getInt("total"));
    assertNull(narrow.get("approximate"));
  }
}
