package org.lernstadt.catalogue.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.enrolment.GroupOffers;
import org.lernstadt.catalogue.provider.CatalogueFixtures;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.attack.AuthorizationMatrix;
import org.lernstadt.platform.testing.attack.BadInput.Expect;
import org.lernstadt.platform.testing.attack.BadInputRun;
import org.lernstadt.platform.testing.attack.DatabaseSnapshot;

/**
 * Generated bad bodies against every write endpoint of the catalogue (see {@link
 * org.lernstadt.platform.testing.attack.BadInput}): refused ones leave every table as it was, and
 * nothing, hostile values included, makes the service answer 5xx.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class BadInputTest {

  /** Change the seed to explore; a failure names the attempt, and the same seed replays it. */
  private static final long SEED = 20261127L;

  /** Tables the service changes on its own (the outbox relay marks rows sent). */
  private static final Set<String> MOVING = Set.of("outbox_event", "inbox_message");

  @Test
  void badBodiesAreRefusedWithProblemDetailsAndChangeNothing() {
    AccessFixtures.Objects o = AccessFixtures.objects();
    String providerETag =
        given()
            .get("/v1/providers/" + o.providerA())
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    String offer = GroupOffers.body(10, "PUBLISHED");
    BadInputRun run =
        new BadInputRun(
                AuthorizationMatrix.load("/authorization-matrix.md"), AccessFixtures.params())
            .example("PUT /v1/partner/offers/{externalId}", offer)
            .example("POST /v1/partner/offers/bulk", "[" + offer + "]")
            .example("POST /v1/learning-places", AccessFixtures.place())
            .example("PUT /v1/learning-places/{id}", AccessFixtures.place())
            .example(
                "POST /v1/providers", CatalogueFixtures.provider(CatalogueFixtures.unique("bad")))
            .example("PUT /v1/providers/{id}", CatalogueFixtures.provider("vhs-demo"))
            .header("PUT /v1/providers/{id}", "If-Match", providerETag)
            .example(
                "POST /v1/partnerships",
                Map.of(
                    "providerA",
                    o.providerA(),
                    "providerB",
                    o.providerB(),
                    "kind",
                    "NETWORK_MEMBERSHIP",
                    "since",
                    "2025-01-01"))
            .example(
                "PUT /v1/districts/{code}",
                Map.of("name", "Bezirk", "geometry", CatalogueFixtures.square().geometry()))
            .generate(SEED);

    Map<String, String> before = DatabaseSnapshot.take("catalogue", MOVING);
    BadInputRun.Result refused = run.send(Expect.REFUSED);
    Map<String, String> after = DatabaseSnapshot.take("catalogue", MOVING);
    BadInputRun.Result survived = run.send(Expect.SURVIVES);

    System.out.println("Catalogue bad input, must be refused: " + refused);
    System.out.println("Catalogue bad input, hostile but well-formed: " + survived);
    assertTrue(refused.failures().isEmpty(), () -> String.join("\n", refused.failures()));
    assertEquals(before, after, "a refused request changed stored data");
    assertTrue(survived.failures().isEmpty(), () -> String.join("\n", survived.failures()));
  }
}
