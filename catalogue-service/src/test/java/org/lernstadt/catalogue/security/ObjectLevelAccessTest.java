package org.lernstadt.catalogue.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.LIBRARY_CLIENT;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.VHS_CLIENT;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.enrolment.GroupOffers;
import org.lernstadt.catalogue.provider.CatalogueFixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * What the matrix cannot show: the same role on someone else's object, and the fields a role may
 * not set or see. Partner B is the library's client; the objects belong to partner A (the VHS) and
 * to citizen1.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ObjectLevelAccessTest {

  @Test
  void partnerBNeitherSeesNorWithdrawsNorListsTheParticipantsOfPartnerAsOffer() {
    // An offer of its own: the matrix withdraws the shared one as partner A.
    AccessFixtures.Objects o = AccessFixtures.objects();
    String externalId = "own-" + UUID.randomUUID();
    String offerId = GroupOffers.put(VHS_CLIENT, externalId, 10, "PUBLISHED");
    String offer = "/v1/partner/offers/" + externalId;
    String partnerB = Tokens.forPartner(LIBRARY_CLIENT);

    given().auth().oauth2(partnerB).get(offer).then().statusCode(404);
    given().auth().oauth2(partnerB).get(offer + "/participants").then().statusCode(404);
    given().auth().oauth2(partnerB).delete(offer).then().statusCode(404);

    // The same external id under partner B is partner B's own offer, not a way into A's.
    String ownOffer =
        given()
            .auth()
            .oauth2(partnerB)
            .contentType(ContentType.JSON)
            .body(GroupOffers.body(5, "PUBLISHED"))
            .put(offer)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertFalse(ownOffer.equals(offerId), "partner B got partner A's offer");

    given()
        .get("/v1/offers/" + offerId)
        .then()
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"))
        .body("providerId", equalTo(o.providerA()));
    given()
        .auth()
        .oauth2(Tokens.forPartner(VHS_CLIENT))
        .get(offer + "/participants")
        .then()
        .statusCode(200);
  }

  @Test
  void partnerBChangesNeitherPartnerAsProviderNorItsLearningPlace() {
    AccessFixtures.Objects o = AccessFixtures.objects();
    String partnerB = Tokens.forPartner(LIBRARY_CLIENT);
    var provider = given().get("/v1/providers/" + o.providerA()).then().statusCode(200).extract();
    Map<String, Object> hijack = CatalogueFixtures.asCommand(provider.jsonPath().getMap(""));
    hijack.remove("partnerClient");
    hijack.put("name", "Übernommen");
    CatalogueFixtures.put(
            "/v1/providers/" + o.providerA(), partnerB, provider.header("ETag"), hijack)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    Map<String, Object> place = new HashMap<>(AccessFixtures.place());
    CatalogueFixtures.put("/v1/learning-places/" + o.placeId(), partnerB, null, place)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    given().get("/v1/providers/" + o.providerA()).then().body("name", not(equalTo("Übernommen")));
  }

  @Test
  void aCitizenNeitherSeesNorCancelsAnotherCitizensEnrolment() {
    // An enrolment of its own: the matrix cancels the shared one as citizen1.
    String offer = GroupOffers.put(VHS_CLIENT, "own-" + UUID.randomUUID(), 10, "PUBLISHED");
    String citizen2 = Tokens.forUser("citizen2");
    String enrolment =
        "/v1/enrolments/"
            + given()
                .auth()
                .oauth2(Tokens.forUser("citizen1"))
                .post("/v1/offers/" + offer + "/enrolments")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

    given().auth().oauth2(citizen2).get(enrolment).then().statusCode(404);
    given().auth().oauth2(citizen2).delete(enrolment).then().statusCode(404);

    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .get(enrolment)
        .then()
        .statusCode(200)
        .body("status", equalTo("ENROLLED"));
  }

  @Test
  void aPartnerMayNotSetFieldsReservedForEditors() {
    AccessFixtures.Objects o = AccessFixtures.objects();
    String partnerA = Tokens.forPartner(VHS_CLIENT);

    // A learning place for another provider.
    Map<String, Object> place = new HashMap<>(AccessFixtures.place());
    place.put("providerId", o.providerB());
    CatalogueFixtures.post("/v1/learning-places", partnerA, place)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");

    // Its own provider's key and partner client.
    var provider = given().get("/v1/providers/" + o.providerA()).then().statusCode(200).extract();
    for (String field : new String[] {"key", "partnerClient"}) {
      Map<String, Object> command = CatalogueFixtures.asCommand(provider.jsonPath().getMap(""));
      command.put(field, "taken-over");
      CatalogueFixtures.put(
              "/v1/providers/" + o.providerA(), partnerA, provider.header("ETag"), command)
          .then()
          .statusCode(403)
          .body("errors[0].field", equalTo(field));
    }
  }

  @Test
  void publicViewsShowNoParticipants() {
    String offerId = GroupOffers.put(VHS_CLIENT, "seen-" + UUID.randomUUID(), 10, "PUBLISHED");
    given()
        .auth()
        .oauth2(Tokens.forUser("citizen1"))
        .post("/v1/offers/" + offerId + "/enrolments")
        .then()
        .statusCode(201);
    String citizen1 = GroupOffers.subjectOf("citizen1");
    String offer = given().get("/v1/offers/" + offerId).then().statusCode(200).extract().asString();
    assertFalse(offer.contains(citizen1), "the public offer names an enrolled citizen: " + offer);
    String search = given().get("/v1/offers").then().statusCode(200).extract().asString();
    assertFalse(search.contains(citizen1), "the public search names an enrolled citizen");
  }
}
