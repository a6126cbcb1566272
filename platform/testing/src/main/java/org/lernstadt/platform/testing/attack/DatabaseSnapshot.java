package org.lernstadt.platform.testing.attack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * A fingerprint of every table of a service's database: row count and an MD5 of all rows. Two equal
 * snapshots mean no row was added, changed or removed in between.
 */
public final class DatabaseSnapshot {

  private DatabaseSnapshot() {}

  /**
   * Per table ({@code schema.table}), its row count and digest; tables named in {@code excluded}
   * (bare names, e.g. {@code outbox_event}) are left out, for tables that change on their own.
   */
  public static Map<String, String> take(String database, Set<String> excluded) {
    PostgresServer pg = PostgresTestResource.server();
    Map<String, String> digests = new TreeMap<>();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl(database), pg.user(), pg.password());
        Statement statement = c.createStatement()) {
      List<String[]> tables = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "select table_schema, table_name from information_schema.tables"
                  + " where table_type = 'BASE TABLE'"
                  + " and table_schema not in ('pg_catalog', 'information_schema')")) {
        while (rs.next()) {
          tables.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] table : tables) {
        if (excluded.contains(table[1])) {
          continue;
        }
        String name = "\"" + table[0] + "\".\"" + table[1] + "\"";
        try (ResultSet rs =
            statement.executeQuery(
                "select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), ''))"
                    + " from "
                    + name
                    + " t")) {
          rs.next();
          digests.put(table[0] + "." + table[1], rs.getLong(1) + " rows, " + rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new AssertionError("Cannot snapshot database " + database, e);
    }
    return digests;
  }
}
