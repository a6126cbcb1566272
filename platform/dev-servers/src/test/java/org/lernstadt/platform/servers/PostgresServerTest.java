package org.lernstadt.platform.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Starts a real embedded PostgreSQL. */
class PostgresServerTest {

  @Test
  void startsEmbeddedServerWithFreshDatabasesAndTheContribExtensions() throws Exception {
    try (PostgresServer pg = PostgresServer.startEmbedded(null, 0)) {
      pg.ensureDatabase("alpha");
      try (Connection c =
              DriverManager.getConnection(pg.jdbcUrl("alpha"), pg.user(), pg.password());
          Statement s = c.createStatement()) {
        s.execute("create table t (x int)");
        s.execute("insert into t values (1)");
        // Geo search and fuzzy text search rely on these contrib extensions.
        s.execute("create extension if not exists cube");
        s.execute("create extension if not exists earthdistance");
        s.execute("create extension if not exists pg_trgm");
        ResultSet rs = s.executeQuery("select count(*) from t");
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
      pg.recreateDatabase("alpha");
      try (Connection c =
              DriverManager.getConnection(pg.jdbcUrl("alpha"), pg.user(), pg.password());
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "select count(*) from information_schema.tables where table_name = 't'")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "a recreated database starts empty");
      }
    }
  }

  @Test
  void unreachableExternalServerFailsFastNamingTheAddress() {
    ServerStartException e =
        assertThrows(
            ServerStartException.class,
            () ->
                PostgresServer.connect("jdbc:postgresql://localhost:1/postgres", "postgres", "x"));
    assertTrue(e.getMessage().contains("PostgreSQL"), e.getMessage());
    assertTrue(e.getMessage().contains("localhost:1"), e.getMessage());
    assertTrue(e.getMessage().contains(PostgresServer.URL_SETTING), e.getMessage());
  }
}
