package org.lernstadt.catalogue.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Latency of the name lookup of providers and learning places ({@code ?q=}) with many of them, on
 * the real servers, single client. A benchmark, not a test: it asserts nothing about time and runs
 * only on demand:
 *
 * <pre>
 * ./mvnw -pl catalogue-service -am verify -Dgroups=benchmark -DexcludedGroups= \
 *   -Dtest=NameLookupBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.providers=20000
 * </pre>
 */
@QuarkusTest
@Tag("benchmark")
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class NameLookupBenchmark {

  private static final int WARM_UP = 50;
  private static final int QUERIES = 300;
  private static final String[] SURNAMES = {
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weiß",
    "Schäfer",
    "Groß",
    "Köhler",
    "Wagner",
    "Bär"
  };
  private static final String[] KINDS = {"Bildungswerk", "Akademie", "Verein", "Lernwerkstatt"};

  @Test
  void lookupByName() throws Exception {
    int providers = Integer.getInteger("bench.providers", 20_000);
    fill(providers);
    Random random = new Random(7);
    List<String[]> queries = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String surname = SURNAMES[random.nextInt(SURNAMES.length)];
      String path = i % 2 == 0 ? "/v1/providers" : "/v1/learning-places";
      queries.add(
          switch (i % 4) {
            // common: a tenth of all names match, the first page of them in name order
            case 0, 1 -> new String[] {path, surname.toLowerCase()};
            // rare: one name
            case 2 -> new String[] {path, surname + " " + random.nextInt(providers)};
            // nothing
            default -> new String[] {path, "Zzyzx" + i};
          });
    }
    for (int i = 0; i < WARM_UP; i++) {
      run(queries.get(i % queries.size()));
    }
    long[] nanos = new long[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      long start = System.nanoTime();
      run(queries.get(i % queries.size()));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "NAME LOOKUP %d providers and %d learning places, %d lookups: median %.1f ms, p95 %.1f"
            + " ms, p99 %.1f ms, max %.1f ms%n",
        providers,
        providers,
        QUERIES,
        nanos[QUERIES / 2] / 1e6,
        nanos[QUERIES * 95 / 100] / 1e6,
        nanos[QUERIES * 99 / 100] / 1e6,
        nanos[QUERIES - 1] / 1e6);
  }

  private static void run(String[] query) {
    given().queryParam("q", query[1]).get(query[0]).then().statusCode(200);
  }

  /** Providers named e.g. "Akademie Müller 4711", and a learning place of each; straight SQL. */
  private static void fill(int count) throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
        DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password())) {
      var sql = c.createStatement();
      String surnames = "(array['" + String.join("','", SURNAMES) + "'])";
      String kinds = "(array['" + String.join("','", KINDS) + "'])";
      sql.execute(
          "insert into provider (id, key, name, kind) select gen_random_uuid(), 'bench-' || g, "
              + kinds
              + "[1 + g % 4] || ' ' || "
              + surnames
              + "[1 + (g / 4) % 10] || ' ' || g, 'OTHER' from generate_series(0, "
              + (count - 1)
              + ") g");
      sql.execute(
          "insert into learning_place (id, provider_id, name, kind, category, latitude,"
              + " longitude) select gen_random_uuid(), p.id, 'Lernort ' || p.name, 'INFORMAL',"
              + " 'bench', 51.05, 13.74 from provider p where p.key like 'bench-%'");
      sql.execute("analyze provider");
      sql.execute("analyze learning_place");
    }
  }
}
