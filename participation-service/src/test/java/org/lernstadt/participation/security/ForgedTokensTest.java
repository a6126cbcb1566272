package org.lernstadt.participation.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;
import org.lernstadt.platform.testing.attack.ForgedTokensContract;

/**
 * Forged, expired and foreign tokens on a citizen's own contributions; a partner's token (audience
 * catalogue, counselling and gateway) is the realm token for another audience.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ForgedTokensTest extends ForgedTokensContract {

  ForgedTokensTest() {
    super(
        "participation-service",
        () -> "/v1/me/contributions",
        () -> Tokens.forUser("citizen1"),
        () -> Tokens.forPartner("partner-vhs"));
  }
}
