package org.lernstadt.monitoring.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.attack.AuthorizationMatrix;

/** Every endpoint × every role, as written in {@code authorization-matrix.md}. */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class AuthorizationMatrixTest {

  @TestFactory
  List<DynamicTest> matrix() {
    return AuthorizationMatrix.load("/authorization-matrix.md").tests(AccessFixtures::params);
  }
}
