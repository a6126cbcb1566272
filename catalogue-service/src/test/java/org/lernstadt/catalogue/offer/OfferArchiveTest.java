package org.lernstadt.catalogue.offer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.event.OfferEvents;
import org.lernstadt.catalogue.offer.service.OfferArchive;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.Topics;

/** Offers whose last date has passed are archived, through the real servers. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class OfferArchiveTest {

  @Inject OfferArchive archive;

  @Test
  void endedOfferIsArchivedWithAnEventAndLeavesThePublicCatalogue() throws Exception {
    PartnerOfferTest.providersAndADistrict();
    String past =
        """
        [{"start": "2020-03-01T17:00:00+01:00", "end": "2020-03-01T19:00:00+01:00",
          "location": {"lat": 52.05, "lon": 13.05}}]
        """;
    String ended =
        PartnerOfferTest.put(
                "partner-vhs",
                "vergangen-" + UUID.randomUUID(),
                PartnerOfferTest.offer("Vergangen", "PUBLISHED", past))
            .statusCode(201)
            .extract()
            .path("id");
    String upcoming =
        PartnerOfferTest.put(
                "partner-vhs",
                "kommend-" + UUID.randomUUID(),
                PartnerOfferTest.offer(
                    "Kommend", "PUBLISHED", PartnerOfferTest.ONE_SESSION_IN_MITTE))
            .statusCode(201)
            .extract()
            .path("id");

    // The schedule calls the same method; here it runs at once.
    assertTrue(archive.archiveEnded().await().atMost(Duration.ofSeconds(30)) >= 1);

    given().get("/v1/offers/" + ended).then().statusCode(404);
    given().get("/v1/offers/" + upcoming).then().statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.forPartner("partner-vhs"))
        .get("/v1/partner/offers")
        .then()
        .statusCode(200);
    Topics.awaitRecord(
        OfferEvents.TOPIC,
        r -> ended.equals(r.key()) && OfferEvents.ARCHIVED.equals(Topics.header(r, "ce_type")),
        Duration.ofSeconds(30));
  }
}
