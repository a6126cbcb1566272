package org.lernstadt.catalogue.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.catalogue.offer.PartnerOfferTest;
import org.lernstadt.democity.DemoCity;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * Bulk ingest throughput (offers per second until every event is on the broker) and search latency
 * for a mixed query set, single client, on the real servers. A benchmark, not a test: it asserts
 * nothing about time and runs only on demand:
 *
 * <pre>
 * ./mvnw -pl catalogue-service verify -Dgroups=benchmark -DexcludedGroups= \
 *   -Dtest=CatalogueBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.offers=100000
 * </pre>
 */
@QuarkusTest
@Tag("benchmark")
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "catalogue"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class CatalogueBenchmark {

  private static final int BATCH = 5_000;
  private static final int WARM_UP = 50;
  private static final int QUERIES = 300;

  @Test
  void ingestAndSearch() throws Exception {
    int offers = Integer.getInteger("bench.offers", 10_000);
    PartnerOfferTest.providersAndADistrict();
    for (String[] d : DemoCity.districts()) {
      given()
          .auth()
          .oauth2(Tokens.forUser("editor1"))
          .contentType(ContentType.JSON)
          .body("{\"name\":\"" + d[1] + "\",\"geometry\":" + d[2] + "}")
          .put("/v1/districts/" + d[0])
          .then()
          .statusCode(
              org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200))
                  .or(org.hamcrest.Matchers.is(201)));
    }

    DemoCity city = new DemoCity(42, OffsetDateTime.now().plusDays(1));
    long started = System.nanoTime();
    for (int sent = 0; sent < offers; sent += BATCH) {
      StringBuilder lines = new StringBuilder();
      for (int i = sent; i < Math.min(offers, sent + BATCH); i++) {
        lines.append(city.next("bench-" + i)).append('\n');
      }
      given()
          .config(
              RestAssured.config()
                  .encoderConfig(
                      EncoderConfig.encoderConfig()
                          .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT)))
          .auth()
          .oauth2(Tokens.forPartner("partner-vhs"))
          .contentType("application/x-ndjson")
          .body(lines.toString())
          .post("/v1/partner/offers/bulk")
          .then()
          .statusCode(200);
    }
    long stored = System.nanoTime();
    while (unsentEvents() > 0) {
      Thread.onSpinWait();
    }
    long published = System.nanoTime();
    double storeSeconds = (stored - started) / 1e9;
    double allSeconds = (published - started) / 1e9;

    List<String> queries = queries(new Random(7));
    for (int i = 0; i < WARM_UP; i++) {
      given().get("/v1/offers?" + queries.get(i % queries.size())).then().statusCode(200);
    }
    double[] millis = new double[QUERIES];
    for (int i = 0; i < QUERIES; i++) {
      String q = queries.get(i % queries.size());
      long t = System.nanoTime();
      given().get("/v1/offers?" + q).then().statusCode(200);
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    java.util.Arrays.sort(millis);
    String report =
        String.format(
            "catalogue benchmark, %d offers (%d in the database)%n"
                + "  bulk ingest: %.0f offers/s stored (%.1f s), %.0f offers/s with every event"
                + " on the broker (%.1f s)%n"
                + "  search, %d mixed queries, single client: median %.1f ms, p95 %.1f ms, p99"
                + " %.1f ms, max %.1f ms%n",
            offers,
            offerCount(),
            offers / storeSeconds,
            storeSeconds,
            offers / allSeconds,
            allSeconds,
            QUERIES,
            millis[QUERIES / 2],
            millis[(int) Math.ceil(QUERIES * 0.95) - 1],
            millis[(int) Math.ceil(QUERIES * 0.99) - 1],
            millis[QUERIES - 1]);
    System.out.print(report);
    Files.writeString(Path.of("target", "catalogue-benchmark.txt"), report);
  }

  /** Text, filters, district, radius and their combinations, with each sort order. */
  private static List<String> queries(Random random) {
    String[] words = {"töpfern", "englisch", "yoga", "kochen", "robotik", "klimaschutz", "schach"};
    String[] topics = {"DIGITAL_SKILLS", "LANGUAGES", "HEALTH", "CULTURE", "PARENTING"};
    String[] phases = {"SENIORS", "PARENTS", "SCHOOL_TO_WORK", "EARLY_CHILDHOOD"};
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      double lat = DemoCity.SOUTH + random.nextDouble() * 0.2;
      double lon = DemoCity.WEST + random.nextDouble() * 0.3;
      String word = words[random.nextInt(words.length)];
      String topic = topics[random.nextInt(topics.length)];
      String phase = phases[random.nextInt(phases.length)];
      String district = "d" + (1 + random.nextInt(20));
      queries.add(
          switch (i % 8) {
            case 0 -> "q=" + word;
            case 1 -> "q=" + word + "&lifePhase=" + phase;
            case 2 -> "topic=" + topic + "&free=true";
            case 3 -> "district=" + district + "&sort=date";
            case 4 -> "lat=" + lat + "&lon=" + lon + "&radiusKm=2&sort=distance";
            case 5 -> "q=" + word + "&district=" + district;
            case 6 ->
                "lifePhase="
                    + phase
                    + "&topic="
                    + topic
                    + "&lat="
                    + lat
                    + "&lon="
                    + lon
                    + "&radiusKm=5";
            default -> "sort=date";
          });
    }
    return queries;
  }

  private static long unsentEvents() throws Exception {
    return count("select count(*) from outbox_event where sent_at is null");
  }

  private static long offerCount() throws Exception {
    return count("select count(*) from offer");
  }

  private static long count(String sql) throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password());
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
