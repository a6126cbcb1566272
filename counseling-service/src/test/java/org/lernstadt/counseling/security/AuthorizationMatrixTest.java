package org.lernstadt.counseling.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.attack.AuthorizationMatrix;

/** Every endpoint × every role, as written in {@code authorization-matrix.md}. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class AuthorizationMatrixTest {

  @TestFactory
  List<DynamicTest> matrix() {
    // Valid bodies where the service validates before it looks for the case: so that counselor2
    // meets the object rule (404), not a 422 for the empty body.
    return AuthorizationMatrix.load("/authorization-matrix.md")
        .body("PATCH /v1/cases/{id}", () -> Map.of("notes", "Notiz"))
        .body(
            "POST /v1/cases/{id}/sessions",
            () ->
                Map.of(
                    "heldAt", "2026-01-05T10:00:00Z", "format", "IN_PERSON", "durationMinutes", 45))
        .body(
            "POST /v1/cases/{id}/biography",
            () -> Map.of("kind", "MILESTONE", "occurredOn", "2025-01-01", "content", "Abschluss"))
        .body(
            "POST /v1/cases/{id}/consents",
            () -> Map.of("purpose", "COUNSELLING", "legalBasis", "CONSENT"))
        .body(
            "POST /v1/cases/{id}/referrals",
            () -> Map.of("targetKind", "INSTITUTION", "institution", "Handwerkskammer"))
        .body("PATCH /v1/referrals/{id}", () -> Map.of("status", "DECLINED"))
        .body(
            "POST /v1/centres/{id}/slots",
            () -> {
              var start = Fixtures.freshHour();
              return Map.of(
                  "start",
                  start.toString(),
                  "end",
                  start.plusMinutes(30).toString(),
                  "format",
                  "PHONE");
            })
        .tests(AccessFixtures::params);
  }
}
