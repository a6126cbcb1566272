package org.lernstadt.counseling.offer;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/** The receiving institution sees only what the person consented to share for the referral. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class PartnerReferralTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  private static io.restassured.response.Response asPartner(String client) {
    return RestAssured.given()
        .auth()
        .oauth2(Tokens.forPartner(client))
        .get("/v1/partner/referrals");
  }

  @Test
  void thePartnerSeesTheSharedFieldsOfReferralsToItsOffersOnly() throws Exception {
    // The realm's partner-vhs client acts for the provider key "vhs-demo".
    String provider = UUID.randomUUID().toString();
    String offerId = UUID.randomUUID().toString();
    CaseFixtures.providerRegistered(provider, "vhs-demo");
    CaseFixtures.offerEvent(offerId, "PUBLISHED", 1, provider);
    await()
        .atMost(WAIT)
        .until(
            () ->
                Fixtures.count(
                        "select count(*) from offer_ref o join provider_ref p"
                            + " on p.provider_id = o.provider_id where o.offer_id = ?"
                            + " and p.key = 'vhs-demo'",
                        UUID.fromString(offerId))
                    == 1);

    String name = CaseFixtures.plantedName();
    String caseId = CaseFixtures.openCase("counselor1", CENTRE_1, name);
    String referral =
        as("counselor1")
            .body(Map.of("targetKind", "OFFER", "offerId", offerId))
            .post("/v1/cases/" + caseId + "/referrals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    String seen =
        asPartner("partner-vhs")
            .then()
            .statusCode(200)
            .body("find { it.id == '" + referral + "' }.shared.name", is(name))
            .body("find { it.id == '" + referral + "' }.offerId", is(offerId))
            .body("find { it.id == '" + referral + "' }.status", is("PROPOSED"))
            .extract()
            .asString();
    // Nothing else of the case: no case id, notes, contact or birth date.
    assertFalse(seen.contains(caseId));
    assertFalse(seen.contains("carpenter"));
    assertFalse(seen.contains("2010-03-14"));
    assertFalse(seen.contains("@example.org"));
    asPartner("partner-library").then().statusCode(200).body("id", not(hasItem(referral)));
    as("counselor1").get("/v1/partner/referrals").then().statusCode(403);
    assertEquals(
        1,
        Fixtures.count(
            "select count(*) from audit_entry where case_id = ?"
                + " and action = 'REFERRAL_RECEIVER_READ' and role = 'partner'",
            UUID.fromString(caseId)));

    // The referral consent withdrawn: the partner still sees the referral, but no person data.
    String consent =
        as("counselor1")
            .get("/v1/cases/" + caseId + "/consents")
            .then()
            .extract()
            .path("find { it.purpose == 'REFERRAL' }.id");
    as("counselor1")
        .post("/v1/cases/" + caseId + "/consents/" + consent + "/withdrawal")
        .then()
        .statusCode(200);
    asPartner("partner-vhs")
        .then()
        .body("find { it.id == '" + referral + "' }.shared.size()", is(0));
  }
}
