package org.lernstadt.local;

import java.net.URI;
import java.util.Map;

/**
 * Where the running stack answers, for {@link DemoDataLoader}s.
 *
 * @param services base URL of each service by module name, e.g. {@code catalogue-service}
 * @param gateway base URL of the gateway
 * @param keycloak base URL of Keycloak
 * @param realm URL of the realm {@code lernstadt} (the services' OIDC auth-server-url)
 * @param tokenEndpoint the realm's token endpoint
 * @param kafkaBootstrapServers bootstrap address of the Kafka cluster
 * @param jdbcUrls JDBC URL of each service's database by database name, e.g. {@code catalogue}
 * @param databaseUser user of those databases
 * @param databasePassword password of that user
 */
public record StackEndpoints(
    Map<String, URI> services,
    URI gateway,
    URI keycloak,
    URI realm,
    URI tokenEndpoint,
    String kafkaBootstrapServers,
    Map<String, String> jdbcUrls,
    String databaseUser,
    String databasePassword) {

  /** The base URL of a service by module name; fails on an unknown name. */
  public URI service(String module) {
    URI url = services.get(module);
    if (url == null) {
      throw new IllegalArgumentException("No service " + module + "; known: " + services.keySet());
    }
    return url;
  }
}
