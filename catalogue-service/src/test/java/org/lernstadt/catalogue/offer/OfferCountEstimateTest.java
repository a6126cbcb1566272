package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * A search that matches more offers than are counted exactly is counted on a sample of the table
 * and flagged as approximate. Here the exact limit is one offer and the sample is the whole table,
 * so the estimate must equal the true counts: the sampled query path is checked against known
 * numbers.
 */
@QuarkusTest
@TestProfile(OfferCountEstimateTest.SmallExactLimit.class)
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class OfferCountEstimateTest {

  public static class SmallExactLimit implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "lernstadt.catalogue.search.exact-count-limit", "1",
          "lernstadt.catalogue.search.count-sample-rows", "100000000");
    }
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
