package org.lernstadt.counseling.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.attack.ForgedTokensContract;

/**
 * Forged, expired and foreign tokens on a case of counselor1's centre; the analyst feed's token
 * (audience monitoring and gateway only) is the realm token for another audience.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "counseling"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ForgedTokensTest extends ForgedTokensContract {

  ForgedTokensTest() {
    super(
        "counseling-service",
        () -> "/v1/cases/" + AccessFixtures.objects().caseId(),
        () -> Tokens.forUser("counselor1"),
        () -> Tokens.forClient("analyst-feed", "analyst-feed-secret"));
  }
}
