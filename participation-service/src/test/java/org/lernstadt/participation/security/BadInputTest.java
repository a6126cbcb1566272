package org.lernstadt.participation.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.Fixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.attack.AuthorizationMatrix;
import org.lernstadt.platform.testing.attack.BadInput.Expect;
import org.lernstadt.platform.testing.attack.BadInputRun;
import org.lernstadt.platform.testing.attack.DatabaseSnapshot;

/**
 * Generated bad bodies against every write endpoint of participation (see {@link
 * org.lernstadt.platform.testing.attack.BadInput}), on objects of this test only: refused ones
 * leave every table as it was, and nothing, hostile values included, makes the service answer 5xx.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class BadInputTest {

  /** Change the seed to explore; a failure names the attempt, and the same seed replays it. */
  private static final long SEED = 20261127L;

  /** Tables the service changes on its own (the outbox relay marks rows sent). */
  private static final Set<String> MOVING = Set.of("outbox_event", "inbox_message");

  @Test
  void badBodiesAreRefusedWithProblemDetailsAndChangeNothing() {
    AccessFixtures.Objects o = AccessFixtures.create();
    BadInputRun run =
        new BadInputRun(
                AuthorizationMatrix.load("/authorization-matrix.md"), AccessFixtures.params(o))
            .example("POST /v1/dialogues", Fixtures.dialogue())
            .example("PUT /v1/dialogues/{id}", Fixtures.dialogue())
            .example(
                "POST /v1/dialogues/{id}/contributions",
                Map.of(
                    "text", "Im Park",
                    "category", "outdoors",
                    "district", "02",
                    "location", Map.of("lat", 51.05, "lon", 13.74),
                    "displayName", "Anna"))
            .example("POST /v1/contributions/{id}/comments", Map.of("text", "Ja", "stance", "FOR"))
            .example("POST /v1/events", AccessFixtures.event(o.dialogueId()))
            .example("POST /v1/projects", AccessFixtures.project())
            .example("POST /v1/projects/{id}/observations", AccessFixtures.observation())
            .example(
                "POST /v1/projects/{id}/observations/{observationId}/review",
                Map.of("decision", "REJECT", "reason", "Kein Lernort"))
            .generate(SEED);

    Map<String, String> before = DatabaseSnapshot.take("participation", MOVING);
    BadInputRun.Result refused = run.send(Expect.REFUSED);
    Map<String, String> after = DatabaseSnapshot.take("participation", MOVING);
    BadInputRun.Result survived = run.send(Expect.SURVIVES);

    System.out.println("Participation bad input, must be refused: " + refused);
    System.out.println("Participation bad input, hostile but well-formed: " + survived);
    assertTrue(refused.failures().isEmpty(), () -> String.join("\n", refused.failures()));
    assertEquals(before, after, "a refused request changed stored data");
    assertTrue(survived.failures().isEmpty(), () -> String.join("\n", survived.failures()));
  }
}
