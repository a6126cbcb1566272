package org.lernstadt.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.StandardEndpointsContract;

@QuarkusTest
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(PlatformServicesResource.class)
class StandardEndpointsTest extends StandardEndpointsContract {

  StandardEndpointsTest() {
    super("Lernstadt Gateway API", null);
  }
}
