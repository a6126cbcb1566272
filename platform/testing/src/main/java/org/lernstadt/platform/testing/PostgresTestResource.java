package org.lernstadt.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.lernstadt.platform.servers.PostgresServer;

/**
 * Gives a Quarkus test a fresh database on a real PostgreSQL: the server named by {@code
 * LERNSTADT_POSTGRES_URL}, or an embedded one started once per test JVM. The database name comes
 * from the init argument {@code database} (default {@code lernstadt_test}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private static PostgresServer server;

  private String database = "lernstadt_test";

  /** The server of this test JVM, started on first use; stopped when the JVM exits. */
  public static synchronized PostgresServer server() {
    if (server == null) {
      server = PostgresServer.startOrConnect(null, 0);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-test-stop"));
    }
    return server;
  }

  @Override
  public void init(Map<String, String> initArgs) {
    database = initArgs.getOrDefault("database", database);
  }

  @Override
  public Map<String, String> start() {
    PostgresServer pg = server();
    pg.recreateDatabase(database);
    return Map.of(
        "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
        "quarkus.datasource.reactive.url", pg.reactiveUrl(database),
        "quarkus.datasource.username", pg.user(),
        "quarkus.datasource.password", pg.password() == null ? "" : pg.password());
  }

  @Override
  public void stop() {
    // The server outlives one application start: other test classes of this JVM reuse it.
  }
}
