package org.lernstadt.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void aTakenPortIsNamedWithItsServer() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      var e =
          assertThrows(StackException.class, () -> new PortCheck().need("Kafka", port).verify());
      assertTrue(
          e.getMessage().contains("Kafka cannot listen on localhost:" + port), e.getMessage());
      assertTrue(e.getMessage().contains("--port"), e.getMessage());
    }
  }

  @Test
  void twoServersOnOnePortAreRefused() {
    var e =
        assertThrows(
            StackException.class,
            () -> new PortCheck().need("PostgreSQL", 1).need("Keycloak", 1).verify());
    assertTrue(e.getMessage().contains("PostgreSQL and Keycloak both want port 1"), e.getMessage());
  }

  @Test
  void freePortsPass() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    int free = port;
    assertDoesNotThrow(() -> new PortCheck().need("gateway", free).verify());
  }
}
