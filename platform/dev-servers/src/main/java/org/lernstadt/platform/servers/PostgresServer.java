package org.lernstadt.platform.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server for tests and the local stack: an existing server when a JDBC URL is given,
 * otherwise a real PostgreSQL started from the binaries that zonky ships as a Maven artifact.
 */
public final class PostgresServer implements AutoCloseable {

  /**
   * Environment variable or system property naming an existing server, e.g.
   * jdbc:postgresql://db:5432/postgres.
   */
  public static final String URL_SETTING = "LERNSTADT_POSTGRES_URL";

  public static final String USER_SETTING = "LERNSTADT_POSTGRES_USER";
  public static final String PASSWORD_SETTING = "LERNSTADT_POSTGRES_PASSWORD";

  private static final Logger LOG = Logger.getLogger(PostgresServer.class);

  private final EmbeddedPostgres embedded;
  private final String host;
  private final int port;
  private final String user;
  private final String password;

  private PostgresServer(
      EmbeddedPostgres embedded, String host, int port, String user, String password) {
    this.embedded = embedded;
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  /**
   * Uses the server named by {@link #URL_SETTING} if set, otherwise starts an embedded one.
   *
   * @param dataDirectory where the embedded server keeps its data between runs; {@code null} for a
   *     throw-away directory
   * @param port the port of the embedded server; 0 for a free one
   */
  public static PostgresServer startOrConnect(Path dataDirectory, int port) {
    String url = Settings.get(URL_SETTING);
    if (url != null) {
      return connect(
          url, Settings.getOrDefault(USER_SETTING, "postgres"), Settings.get(PASSWORD_SETTING));
    }
    return startEmbedded(dataDirectory, port);
  }

  static PostgresServer connect(String jdbcUrl, String user, String password) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    PostgresServer server = new PostgresServer(null, uri.getHost(), port, user, password);
    server.checkReachable(
        "Start it, or unset " + URL_SETTING + " to use an embedded PostgreSQL instead.");
    LOG.infof("Using PostgreSQL at %s:%d", uri.getHost(), port);
    return server;
  }

  static PostgresServer startEmbedded(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
              .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
              .setLocaleConfig("locale", "C.UTF-8");
      if (port > 0) {
        builder.setPort(port);
      }
      if (dataDirectory != null) {
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      EmbeddedPostgres embedded = builder.start();
      LOG.infof("Started embedded PostgreSQL on port %d", embedded.getPort());
      return new PostgresServer(embedded, "localhost", embedded.getPort(), "postgres", "postgres");
    } catch (IOException | RuntimeException e) {
      throw new ServerStartException(
          "PostgreSQL",
          "embedded, port " + (port > 0 ? port : "any free one"),
          "Check that the port is free and the data directory is writable, or point "
              + URL_SETTING
              + " at a running server.",
          e);
    }
  }

  /** Creates the database unless it exists. */
  public void ensureDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("Not a plain database name: " + name);
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
      if (!rs.next()) {
        s.execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new ServerStartException(
          "PostgreSQL", host + ":" + port, "Could not create database " + name + ".", e);
    }
  }

  /** Drops and creates the database, for a test that must start from nothing. */
  public void recreateDatabase(String name) {
    ensureDatabase(name);
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
        Statement s = c.createStatement()) {
      s.execute("drop database " + name + " with (force)");
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new ServerStartException(
          "PostgreSQL", host + ":" + port, "Could not recreate database " + name + ".", e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  public String reactiveUrl(String database) {
    return "postgresql://" + host + ":" + port + "/" + database;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public boolean embedded() {
    return embedded != null;
  }

  private void checkReachable(String hint) {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password)) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new ServerStartException("PostgreSQL", host + ":" + port, hint, e);
    }
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}
