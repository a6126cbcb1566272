package org.lernstadt.catalogue.security;

import static io.restassured.RestAssured.given;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.LIBRARY_CLIENT;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.LIBRARY_KEY;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.VHS_CLIENT;
import static org.lernstadt.catalogue.provider.CatalogueFixtures.VHS_KEY;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lernstadt.catalogue.enrolment.GroupOffers;
import org.lernstadt.catalogue.provider.CatalogueFixtures;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.attack.PathParams;

/**
 * The objects the authorization matrix and the bad-input run address: partner A's provider, offer
 * (with a group citizen1 is enrolled in) and learning place, a partnership and a district. Created
 * once per test JVM, through the API where it has one.
 */
final class AccessFixtures {

  record Objects(
      String providerA,
      String providerB,
      String offerExternalId,
      String offerId,
      String enrolmentId,
      String placeId,
      String partnershipId,
      String district) {}

  private static Objects objects;

  private AccessFixtures() {}

  static synchronized Objects objects() {
    if (objects == null) {
      objects = create();
    }
    return objects;
  }

  static PathParams params() {
    Objects o = objects();
    return new PathParams()
        .put("id", o.offerId())
        .put("/v1/providers/{id}", "id", o.providerA())
        .put("/v1/learning-places/{id}", "id", o.placeId())
        .put("/v1/partnerships/{id}", "id", o.partnershipId())
        .put("externalId", o.offerExternalId())
        .put("enrolmentId", o.enrolmentId())
        .put("code", o.district());
  }

  private static Objects create() {
    try {
      GroupOffers.providersAndADistrict();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    String providerA = CatalogueFixtures.partnerProvider(VHS_KEY, VHS_CLIENT);
    String providerB = CatalogueFixtures.partnerProvider(LIBRARY_KEY, LIBRARY_CLIENT);
    String externalId = "matrix-" + UUID.randomUUID();
    String offerId = GroupOffers.put(VHS_CLIENT, externalId, 10, "PUBLISHED");
    String enrolmentId =
        given()
            .auth()
            .oauth2(Tokens.forUser("citizen1"))
            .post("/v1/offers/" + offerId + "/enrolments")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String placeId =
        CatalogueFixtures.post(
                "/v1/learning-places", CatalogueFixtures.partner(VHS_CLIENT), place())
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String partnershipId =
        CatalogueFixtures.post(
                "/v1/partnerships",
                CatalogueFixtures.editor(),
                Map.of(
                    "providerA",
                    providerA,
                    "providerB",
                    providerB,
                    "kind",
                    "COOPERATION",
                    "since",
                    "2024-09-01"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String district = CatalogueFixtures.district().code();
    return new Objects(
        providerA, providerB, externalId, offerId, enrolmentId, placeId, partnershipId, district);
  }

  static Map<String, Object> place() {
    return Map.of(
        "name", CatalogueFixtures.unique("Lernort"),
        "kind", "NON_FORMAL",
        "category", "maker space",
        "address", Map.of("street", "Werkstraße 3", "city", "Lernstadt"),
        "location", Map.of("lat", 52.05, "lon", 13.05),
        "accessibility", List.of("STEP_FREE"));
  }
}
