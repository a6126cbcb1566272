package org.lernstadt.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lernstadt.gateway.PlatformServicesResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.attack.AuthorizationMatrix;
import org.lernstadt.platform.testing.attack.PathParams;

/** Every endpoint of the gateway × every role, as written in {@code authorization-matrix.md}. */
@QuarkusTest
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(PlatformServicesResource.class)
class AuthorizationMatrixTest {

  @TestFactory
  List<DynamicTest> matrix() {
    return AuthorizationMatrix.load("/authorization-matrix.md")
        .tests(() -> new PathParams().put("code", "d1"));
  }
}
