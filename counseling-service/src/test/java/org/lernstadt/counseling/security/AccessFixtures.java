package org.lernstadt.counseling.security;

import static org.lernstadt.counseling.Fixtures.CENTRE_1;
import static org.lernstadt.counseling.Fixtures.as;

import java.util.Map;
import java.util.UUID;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.attack.PathParams;

/**
 * The objects the authorization matrix and the bad-input run address: a case of centre 1 with its
 * person, a consent and a referral, and a booking of citizen1 in centre 1. Created once per test
 * JVM through the API.
 */
final class AccessFixtures {

  record Objects(
      String caseId,
      String personId,
      String consentId,
      String referralId,
      String slotId,
      String bookingId) {}

  /** A member id for the admin's membership rows: no demo counsellor loses a centre. */
  static final String SOME_SUBJECT = "00000000-0000-4000-8000-00000000f00d";

  private static Objects objects;

  private AccessFixtures() {}

  static synchronized Objects objects() {
    if (objects == null) {
      objects = create();
    }
    return objects;
  }

  static PathParams params() {
    return params(objects());
  }

  static PathParams params(Objects o) {
    return new PathParams()
        .put("/v1/cases/{id}", "id", o.caseId())
        .put("consentId", o.consentId())
        .put("/v1/referrals/{id}", "id", o.referralId())
        .put("/v1/persons/{id}", "id", o.personId())
        .put("/v1/bookings/{id}", "id", o.bookingId())
        .put("/v1/centres/{id}", "id", CENTRE_1)
        .put("subject", SOME_SUBJECT)
        .put("token", "no-such-feedback-token");
  }

  /** Opens a case of centre 1 as counselor1; returns its id. */
  static String openCase() {
    return CaseFixtures.openCase("counselor1", CENTRE_1, CaseFixtures.plantedName());
  }

  /** Books a fresh slot of centre 1 as citizen1; returns the booking id. */
  static String booking(String slot) {
    return as("citizen1")
        .body(Map.of("slotId", slot))
        .post("/v1/bookings")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** New objects, for a test that changes them. */
  static Objects create() {
    String caseId = openCase();
    var view = as("counselor1").get("/v1/cases/" + caseId).then().statusCode(200).extract();
    String consentId =
        as("counselor1")
            .get("/v1/cases/" + caseId + "/consents")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    String referralId =
        as("counselor1")
            .body(Map.of("targetKind", "INSTITUTION", "institution", "Handwerkskammer"))
            .post("/v1/cases/" + caseId + "/referrals")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String slot = Fixtures.slot("counselor1", CENTRE_1, Fixtures.freshHour(), 30, "VIDEO");
    return new Objects(
        caseId,
        view.path("personId"),
        consentId,
        referralId,
        Fixtures.slot("counselor1", CENTRE_1, Fixtures.freshHour(), 30, "PHONE"),
        booking(slot));
  }

  static String randomId() {
    return UUID.randomUUID().toString();
  }
}
