package org.lernstadt.participation.bench;

import static io.restassured.RestAssured.given;
import static org.lernstadt.participation.Fixtures.citizen1;
import static org.lernstadt.participation.Fixtures.openDialogue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.participation.contribution.service.RatingService;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * The contribution list (sort top) of a dialogue with 50,000 contributions and 1,000,000 ratings,
 * and rating throughput, on the real servers. The bulk data is written with SQL (the ratings'
 * aggregates computed from the rating rows); the measured ratings go through the service with its
 * locks, aggregates and outbox. A benchmark, not a test: it asserts nothing about time and runs
 * only on demand:
 *
 * <pre>
 * ./mvnw -pl participation-service -am verify -Dgroups=benchmark -DexcludedGroups= \
 *   -Dtest=ParticipationBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@QuarkusTest
@Tag("benchmark")
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "participation"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
class ParticipationBenchmark {

  private static final int CONTRIBUTIONS = Integer.getInteger("bench.contributions", 50_000);
  private static final int RATINGS_EACH = Integer.getInteger("bench.ratingsEach", 20);
  private static final int WARM_UP = 50;
  private static final int QUERIES = 300;
  private static final int SERVICE_RATINGS = 5_000;
  private static final int REST_RATINGS = 1_000;
  private static final int CONCURRENCY = 16;

  @Inject RatingService ratings;

  @Test
  void listTopAndRate() throws Exception {
    String dialogue = openDialogue();
    long t0 = System.nanoTime();
    List<UUID> ids = bulk(UUID.fromString(dialogue));
    double bulkSeconds = (System.nanoTime() - t0) / 1e9;

    String list = "/v1/dialogues/" + dialogue + "/contributions?sort=top&limit=20";
    for (int i = 0; i < WARM_UP; i++) {
      given().get(list).then().statusCode(200);
    }
    double[] firstPage = time(QUERIES, () -> given().get(list).then().statusCode(200));
    String[] cursor = {null};
    double[] paging =
        time(
            QUERIES,
            () -> {
              String next =
                  given()
                      .get(list + (cursor[0] == null ? "" : "&cursor=" + cursor[0]))
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("next");
              cursor[0] = next;
            });
    double[] filtered =
        time(
            QUERIES,
            () -> given().get(list + "&category=library&district=03").then().statusCode(200));

    // Ratings through the service: new raters on random contributions, 16 in flight.
    Random random = new Random(11);
    List<UUID> targets = new ArrayList<>();
    for (int i = 0; i < SERVICE_RATINGS; i++) {
      targets.add(ids.get(random.nextInt(ids.size())));
    }
    long r0 = System.nanoTime();
    Multi.createFrom()
        .range(0, SERVICE_RATINGS)
        .onItem()
        .transformToUni(i -> ratings.rate(targets.get(i), i % 4 == 0 ? -1 : 1, "bench-new-" + i))
        .merge(CONCURRENCY)
        .collect()
        .last()
        .await()
        .indefinitely();
    double serviceSeconds = (System.nanoTime() - r0) / 1e9;
    // Ratings through REST, one client with a real token.
    String token = citizen1();
    long r1 = System.nanoTime();
    for (int i = 0; i < REST_RATINGS; i++) {
      given()
          .auth()
          .oauth2(token)
          .contentType(ContentType.JSON)
          .body("{\"value\":1}")
          .put("/v1/contributions/" + ids.get(random.nextInt(ids.size())) + "/rating")
          .then()
          .statusCode(200);
    }
    double restSeconds = (System.nanoTime() - r1) / 1e9;
    long p0 = System.nanoTime();
    while (unsent() > 0) {
      Thread.onSpinWait();
    }
    double drainSeconds = (System.nanoTime() - p0) / 1e9;

    String plans =
        plan(
                "first page",
                "select c.id from contribution c where c.dialogue_id = '%s' and c.status = 'VISIBLE'"
                    + " order by c.score desc, c.seq desc limit 21",
                dialogue)
            + plan(
                "page after a cursor",
                "select c.id from contribution c where c.dialogue_id = '%s' and c.status = 'VISIBLE'"
                    + " and (c.score, c.seq) < (10::float8, 25000) order by c.score desc, c.seq desc"
                    + " limit 21",
                dialogue);
    String report =
        String.format(
            "participation benchmark: %d contributions, %d ratings in the dialogue (bulk SQL load"
                + " %.1f s)%n"
                + "  list sort=top, first page of 20, single client: %s%n"
                + "  list sort=top, following pages (cursor), single client: %s%n"
                + "  list sort=top, category and district filter: %s%n"
                + "  ratings through the service, %d in flight: %.0f ratings/s (%d in %.1f s)%n"
                + "  ratings through REST, one client: %.0f ratings/s (%d in %.1f s)%n"
                + "  outbox drained %.1f s after the last rating%n%s",
            CONTRIBUTIONS,
            ratingCount(UUID.fromString(dialogue)),
            bulkSeconds,
            summary(firstPage),
            summary(paging),
            summary(filtered),
            CONCURRENCY,
            SERVICE_RATINGS / serviceSeconds,
            SERVICE_RATINGS,
            serviceSeconds,
            REST_RATINGS / restSeconds,
            REST_RATINGS,
            restSeconds,
            drainSeconds,
            plans);
    System.out.println(report);
    Files.writeString(Path.of("target", "participation-benchmark.txt"), report);
  }

  /** 50,000 contributions and 20 ratings each from distinct raters, aggregates from the rows. */
  private static List<UUID> bulk(UUID dialogue) throws Exception {
    try (Connection db = db()) {
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into contribution (id, dialogue_id, author, participant, display_name, body,"
                  + " category, district, lat, lon, status, created_at)"
                  + " select gen_random_uuid(), ?, 'bench-author-' || (g % 20000), 'p' || (g % 20000),"
                  + " 'Bench', 'Lernort ' || g || ' ' || md5(g::text),"
                  + " (array['library','outdoors'])[1 + g % 2], lpad((1 + g % 10)::text, 2, '0'),"
                  + " 51 + (g % 100) / 1000.0, 13.7 + (g % 97) / 1000.0, 'VISIBLE',"
                  + " now() - make_interval(secs => g) from generate_series(1, ?) g")) {
        insert.setObject(1, dialogue);
        insert.setInt(2, CONTRIBUTIONS);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "insert into rating (contribution_id, citizen, value)"
                  + " select c.id, 'bench-rater-' || r,"
                  + " case when abs(hashtext(c.id::text || r)) % 3 = 0 then -1 else 1 end"
                  + " from contribution c cross join generate_series(1, ?) r where c.dialogue_id = ?")) {
        insert.setInt(1, RATINGS_EACH);
        insert.setObject(2, dialogue);
        insert.executeUpdate();
      }
      try (PreparedStatement aggregate =
          db.prepareStatement(
              "update contribution c set rating_count = a.n, rating_sum = a.s, score = a.s"
                  + " from (select r.contribution_id, count(*)::int as n, sum(r.value)::int as s"
                  + " from rating r join contribution x on x.id = r.contribution_id"
                  + " where x.dialogue_id = ? group by r.contribution_id) a"
                  + " where a.contribution_id = c.id")) {
        aggregate.setObject(1, dialogue);
        aggregate.executeUpdate();
      }
      try (Statement analyze = db.createStatement()) {
        analyze.execute("vacuum analyze contribution");
        analyze.execute("vacuum analyze rating");
      }
      List<UUID> ids = new ArrayList<>();
      try (PreparedStatement select =
          db.prepareStatement("select id from contribution where dialogue_id = ?")) {
        select.setObject(1, dialogue);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getObject(1, UUID.class));
          }
        }
      }
      return ids;
    }
  }

  /** The database's own plan and execution time of a list query. */
  private static String plan(String name, String sql, String dialogue) throws Exception {
    StringBuilder out = new StringBuilder("  plan, " + name + ":\n");
    try (Connection db = db();
        Statement s = db.createStatement();
        ResultSet rows = s.executeQuery("explain analyze " + String.format(sql, dialogue))) {
      while (rows.next()) {
        out.append("    ").append(rows.getString(1)).append('\n');
      }
    }
    return out.toString();
  }

  private static double[] time(int n, Runnable request) {
    double[] millis = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      request.run();
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    return millis;
  }

  private static String summary(double[] sorted) {
    return String.format(
        "median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        sorted[sorted.length / 2],
        sorted[(int) (sorted.length * 0.95)],
        sorted[(int) (sorted.length * 0.99)],
        sorted[sorted.length - 1]);
  }

  private static long ratingCount(UUID dialogue) throws Exception {
    try (Connection db = db();
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from rating r join contribution c on c.id = r.contribution_id"
                    + " where c.dialogue_id = ?")) {
      count.setObject(1, dialogue);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static long unsent() throws Exception {
    try (Connection db = db();
        Statement s = db.createStatement();
        ResultSet rows =
            s.executeQuery("select count(*) from outbox_event where sent_at is null")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Connection db() throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    return DriverManager.getConnection(pg.jdbcUrl("participation"), pg.user(), pg.password());
  }
}
