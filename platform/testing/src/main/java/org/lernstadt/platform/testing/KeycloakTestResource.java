package org.lernstadt.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.lernstadt.platform.servers.KeycloakServer;

/**
 * Gives a Quarkus test a real Keycloak with the realm {@code lernstadt}: the server named by {@code
 * LERNSTADT_KEYCLOAK_URL}, or one started from the Keycloak distribution once per test JVM, with an
 * in-memory database and a fresh import of {@code deploy/keycloak/lernstadt-realm.json}. Every test
 * class of the JVM reuses it; it stops when the JVM exits. {@link Tokens} gets its tokens there.
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(KeycloakTestResource.class)
 * class OfferResourceTest {
 *   @Test
 *   void partnerCreatesOffer() {
 *     given().auth().oauth2(Tokens.forPartner("partner-vhs")).post("/offers")...
 *   }
 * }
 * }</pre>
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

  /**
   * System property naming the server this JVM started. Quarkus may load this class in more than
   * one class loader (test resources, test classes); each copy has its own static field, and this
   * property lets them share one server instead of starting one each.
   */
  static final String SHARED_URL_PROPERTY = "lernstadt.testing.keycloak-url";

  private static KeycloakServer server;

  /** The server of this test JVM, started on first use; stopped when the JVM exits. */
  public static synchronized KeycloakServer server() {
    if (server == null) {
      String shared = System.getProperty(SHARED_URL_PROPERTY);
      if (shared != null) {
        server = KeycloakServer.connect(shared);
      } else {
        // KeycloakServer registers its own shutdown hook for a server it started.
        server = KeycloakServer.startOrConnect(null, 0);
        System.setProperty(SHARED_URL_PROPERTY, server.url());
      }
      Tokens.useServer(server);
    }
    return server;
  }

  @Override
  public Map<String, String> start() {
    String realmUrl = server().realmUrl();
    return Map.of(
        "quarkus.oidc.auth-server-url", realmUrl,
        "quarkus.oidc-client.auth-server-url", realmUrl);
  }

  @Override
  public void stop() {
    // The server outlives one application start: other test classes of this JVM reuse it.
  }
}
