package org.lernstadt.monitoring.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.attack.AuthorizationMatrix;
import org.lernstadt.platform.testing.attack.BadInput.Expect;
import org.lernstadt.platform.testing.attack.BadInputRun;
import org.lernstadt.platform.testing.attack.DatabaseSnapshot;

/**
 * Generated bad bodies against every write endpoint of monitoring (see {@link
 * org.lernstadt.platform.testing.attack.BadInput}), on objects of this test only: refused ones
 * leave every table as it was, and nothing, hostile values included, makes the service answer 5xx.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
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
            .example(
                "PUT /v1/areas/{code}",
                Map.of("name", "Stadtteil", "level", "DISTRICT", "parent", "city"))
            .example("POST /v1/indicators/{code}/rules", AccessFixtures.rule(o.area()))
            .generate(SEED);

    Map<String, String> before = DatabaseSnapshot.take("monitoring", MOVING);
    BadInputRun.Result refused = run.send(Expect.REFUSED);
    Map<String, String> after = DatabaseSnapshot.take("monitoring", MOVING);
    BadInputRun.Result survived = run.send(Expect.SURVIVES);

    System.out.println("Monitoring bad input, must be refused: " + refused);
    System.out.println("Monitoring bad input, hostile but well-formed: " + survived);
    assertTrue(refused.failures().isEmpty(), () -> String.join("\n", refused.failures()));
    assertEquals(before, after, "a refused request changed stored data");
    assertTrue(survived.failures().isEmpty(), () -> String.join("\n", survived.failures()));
  }
}
