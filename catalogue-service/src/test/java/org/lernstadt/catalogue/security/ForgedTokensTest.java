package org.lernstadt.catalogue.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.attack.ForgedTokensContract;

/**
 * Forged, expired and foreign tokens on the partner's own-provider endpoint; the analyst feed's
 * token (audience monitoring and gateway only) is the realm token for another audience.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ForgedTokensTest extends ForgedTokensContract {

  ForgedTokensTest() {
    super(
        "catalogue-service",
        () -> "/v1/enrolments/" + AccessFixtures.objects().enrolmentId(),
        () -> Tokens.forUser("citizen1"),
        () -> Tokens.forClient("analyst-feed", "analyst-feed-secret"));
  }
}
