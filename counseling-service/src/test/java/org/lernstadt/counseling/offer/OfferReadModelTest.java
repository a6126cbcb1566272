package org.lernstadt.counseling.offer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Topics;

/** The read model of catalogue offers, fed by catalogue-shaped events on the real topic. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class OfferReadModelTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static String status(String offerId) throws Exception {
    var rows =
        Fixtures.query("select status from offer_ref where offer_id = ?", UUID.fromString(offerId));
    return rows.isEmpty() ? null : (String) rows.get(0).get("status");
  }

  private static String refer(String caseId, String offerId) {
    return as("counselor1")
        .body(Map.of("targetKind", "OFFER", "offerId", offerId))
        .post("/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aWithdrawnOfferMarksItsOpenReferralsAndAStaleEventChangesNothing() throws Exception {
    String offerId = UUID.randomUUID().toString();
    CaseFixtures.offerEvent(offerId, "PUBLISHED", 1);
    await().atMost(WAIT).until(() -> "PUBLISHED".equals(status(offerId)));

    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
    String open = refer(caseId, offerId);
    String done = refer(caseId, offerId);
    for (String s : new String[] {"ACCEPTED", "STARTED", "COMPLETED"}) {
      as("counselor1")
          .body(Map.of("status", s))
          .patch("/v1/referrals/" + done)
          .then()
          .statusCode(200);
    }

    CaseFixtures.offerEvent(offerId, "WITHDRAWN", 2);
    await().atMost(WAIT).until(() -> "WITHDRAWN".equals(status(offerId)));
    as("counselor1")
        .get("/v1/cases/" + caseId + "/referrals")
        .then()
        .body("find { it.id == '" + open + "' }.offerUnavailable", is("WITHDRAWN"))
        .body("find { it.id == '" + done + "' }.offerUnavailable", nullValue());
    // No new referral to a withdrawn offer.
    as("counselor1")
        .body(Map.of("targetKind", "OFFER", "offerId", offerId))
        .post("/v1/cases/" + caseId + "/referrals")
        .then()
        .statusCode(422);

    // A late redelivery of version 1 does not bring the offer back; a newer event is applied.
    CaseFixtures.offerEvent(offerId, "PUBLISHED", 1);
    String marker = UUID.randomUUID().toString();
    CaseFixtures.offerEvent(marker, "PUBLISHED", 1);
    await().atMost(WAIT).until(() -> "PUBLISHED".equals(status(marker)));
    assertEquals("WITHDRAWN", status(offerId));
  }

  @Test
  void aCancelledOfferMarksItsReferralsAndABadRecordGoesToTheDeadLetterTopic() throws Exception {
    String offerId = UUID.randomUUID().toString();
    CaseFixtures.offerEvent(offerId, "PUBLISHED", 3);
    await().atMost(WAIT).until(() -> "PUBLISHED".equals(status(offerId)));
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
    String referral = refer(caseId, offerId);

    // A record with an offerId that is not a UUID: dead-lettered, and the consumer goes on.
    ProducerRecord<String, String> bad =
        new ProducerRecord<>(
            CaseFixtures.OFFERS_TOPIC, "bad", "{\"offerId\":\"nope\",\"version\":1}");
    String badId = UUID.randomUUID().toString();
    bad.headers().add("ce_id", badId.getBytes(StandardCharsets.UTF_8));
    bad.headers().add("ce_source", "/lernstadt/catalogue-service".getBytes(StandardCharsets.UTF_8));
    bad.headers()
        .add(
            "ce_type",
            "org.lernstadt.catalogue.offer.published.v1".getBytes(StandardCharsets.UTF_8));
    bad.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
    bad.headers().add("ce_time", OffsetDateTime.now().toString().getBytes(StandardCharsets.UTF_8));
    Topics.produce(bad);
    CaseFixtures.offerEvent(offerId, "CANCELLED", 4);

    await().atMost(WAIT).until(() -> "CANCELLED".equals(status(offerId)));
    as("counselor1")
        .get("/v1/cases/" + caseId + "/referrals")
        .then()
        .body("find { it.id == '" + referral + "' }.offerUnavailable", is("CANCELLED"));
    var dead =
        Topics.awaitRecord(
            "catalogue.offers.v1.counseling-dlq",
            r -> badId.equals(Topics.header(r, "ce_id")),
            WAIT);
    org.junit.jupiter.api.Assertions.assertNotNull(Topics.header(dead, "dead-letter-reason"));
  }
}
