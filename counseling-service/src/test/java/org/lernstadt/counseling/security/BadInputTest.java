package org.lernstadt.counseling.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.counseling.Fixtures.CENTRE_1;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lernstadt.counseling.CaseFixtures;
import org.lernstadt.counseling.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.attack.AuthorizationMatrix;
import org.lernstadt.platform.testing.attack.BadInput.Expect;
import org.lernstadt.platform.testing.attack.BadInputRun;
import org.lernstadt.platform.testing.attack.DatabaseSnapshot;

/**
 * Generated bad bodies against every write endpoint of counselling (see {@link
 * org.lernstadt.platform.testing.attack.BadInput}), on objects of this test only (a valid body may
 * erase the person or rename the centre): refused ones leave every table as it was, and nothing,
 * hostile values included, makes the service answer 5xx.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class BadInputTest {

  /** Change the seed to explore; a failure names the attempt, and the same seed replays it. */
  private static final long SEED = 20261127L;

  /**
   * Tables that change on their own: the outbox relay marks rows sent, and audit records are
   * written for refused attempts on a case too (who tried what is worth keeping).
   */
  private static final Set<String> MOVING = Set.of("outbox_event", "inbox_message", "audit_entry");

  @Test
  void badBodiesAreRefusedWithProblemDetailsAndChangeNothing() {
    AccessFixtures.Objects o = AccessFixtures.create();
    String slot = Fixtures.slot("counselor1", CENTRE_1, Fixtures.freshHour(), 30, "VIDEO");
    BadInputRun run =
        new BadInputRun(
                AuthorizationMatrix.load("/authorization-matrix.md"),
                AccessFixtures.params(o)
                    .put("/v1/centres/{id}", "id", UUID.randomUUID().toString())
                    .put("/v1/centres/{id}/slots", "id", CENTRE_1))
            .example(
                "POST /v1/cases",
                CaseFixtures.openBody(CENTRE_1, CaseFixtures.plantedName(), List.of("COUNSELLING")))
            .example("PATCH /v1/cases/{id}", Map.of("stage", "ORIENTATION", "notes", "Notiz"))
            .example(
                "POST /v1/cases/{id}/sessions",
                Map.of(
                    "heldAt", "2026-01-05T10:00:00Z",
                    "format", "IN_PERSON",
                    "durationMinutes", 45,
                    "topics", List.of("Bewerbung"),
                    "note", "Notiz"))
            .example(
                "POST /v1/cases/{id}/biography",
                Map.of("kind", "MILESTONE", "occurredOn", "2025-01-01", "content", "Abschluss"))
            .example(
                "POST /v1/cases/{id}/referrals",
                Map.of("targetKind", "INSTITUTION", "institution", "Handwerkskammer"))
            .example("PATCH /v1/referrals/{id}", Map.of("status", "DECLINED"))
            .example("POST /v1/bookings", Map.of("slotId", slot))
            .example(
                "POST /v1/centres/{id}/slots",
                Map.of(
                    "start", Fixtures.freshHour().toString(),
                    "end", Fixtures.freshHour().toString(),
                    "format", "PHONE"))
            .example(
                "PUT /v1/centres/{id}",
                Map.of("name", "Beratungsstelle", "latitude", 51.05, "longitude", 13.74))
            .example("PUT /v1/centres/{id}/members/{subject}", Map.of("lead", false))
            .generate(SEED);

    Map<String, String> before = DatabaseSnapshot.take("counseling", MOVING);
    BadInputRun.Result refused = run.send(Expect.REFUSED);
    Map<String, String> after = DatabaseSnapshot.take("counseling", MOVING);
    BadInputRun.Result survived = run.send(Expect.SURVIVES);

    System.out.println("Counselling bad input, must be refused: " + refused);
    System.out.println("Counselling bad input, hostile but well-formed: " + survived);
    assertTrue(refused.failures().isEmpty(), () -> String.join("\n", refused.failures()));
    assertEquals(before, after, "a refused request changed stored data");
    assertTrue(survived.failures().isEmpty(), () -> String.join("\n", survived.failures()));
  }
}
