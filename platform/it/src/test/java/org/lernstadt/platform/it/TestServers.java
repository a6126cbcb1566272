package org.lernstadt.platform.it;

import io.quarkus.test.common.QuarkusTestResource;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** The real servers every test of this module runs against, started once per test JVM. */
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @io.quarkus.test.common.ResourceArg(name = "database", value = "platform_it"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
public final class TestServers {

  private TestServers() {}
}
