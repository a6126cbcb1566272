package org.lernstadt.catalogue.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * nothing about time (only that every offer was stored) and runs only on demand; 50,000 offers of
 * warm-up, five timed rounds of 10,000, the catalogue copied to 1,000,000 for the search:
 *
 * <pre>
 * ./mvnw -pl catalogue-service -am verify -Dgroups=benchmark -DexcludedGroups= \
 *   -Dtest=CatalogueBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.replicate=10
 * </pre>
 */
@QuarkusTest
@TestProfile(ProductionSearchSettings.class)
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
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/v1/partner/offers/bulk")
  URI bulkUri;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String partnerToken = Tokens.forPartner("partner-vhs");

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
    // The warm-up offers are pushed untimed: a city's service has taken many pushes before (its
    // code is compiled, its topics exist). Then several rounds are timed one after the other, so
    // the report shows whether the service had reached its steady state (with 20,000 offers of
    // warm-up the JIT compiler was still busy through the next 30,000, and ingest 10-20 % slower).
    // All request bodies are
    // made before the first push, and the reports are checked after the last, so that the
    // client's own work is not what is measured.
    int warmup = Integer.getInteger("bench.warmup", 50_000);
    int rounds = Integer.getInteger("bench.rounds", 5);
    List<List<String>> bodies = new ArrayList<>();
    bodies.add(bodies(city, 0, warmup));
    for (int r = 0; r < rounds; r++) {
      bodies.add(bodies(city, warmup + r * offers, warmup + (r + 1) * offers));
    }
    List<String> reports = new ArrayList<>();
    for (String body : bodies.get(0)) {
      reports.add(send(body));
    }
    awaitPublished();
    StringBuilder ingest = new StringBuilder();
    for (int r = 1; r <= rounds; r++) {
      long started = System.nanoTime();
      for (String body : bodies.get(r)) {
        reports.add(send(body));
      }
      long stored = System.nanoTime();
      awaitPublished();
      long published = System.nanoTime();
      ingest.append(
          String.format(
              "  bulk ingest, round %d: %.0f offers/s stored (%.1f s), %.0f offers/s with every"
                  + " event on the broker (%.1f s)%n",
              r,
              offers / ((stored - started) / 1e9),
              (stored - started) / 1e9,
              offers / ((published - started) / 1e9),
              (published - started) / 1e9));
    }
    reports.forEach(CatalogueBenchmark::assertAllCreated);
    long replicated = System.nanoTime();
    int copies = Integer.getInteger("bench.replicate", 1);
    if (copies > 1) {
      replicate(copies);
    }
    double replicateSeconds = (System.nanoTime() - replicated) / 1e9;

    List<String> queries = queries(new Random(7));
    for (int i = 0; i < WARM_UP; i++) {
      given().get("/v1/offers?" + queries.get(i % queries.size())).then().statusCode(200);
    }
    double[] millis = new double[QUERIES];
    java.util.Map<String, List<Double>> byKind = new java.util.TreeMap<>();
    for (int i = 0; i < QUERIES; i++) {
      String q = queries.get(i % queries.size());
      long t = System.nanoTime();
      given().get("/v1/offers?" + q).then().statusCode(200);
      millis[i] = (System.nanoTime() - t) / 1e6;
      byKind.computeIfAbsent(kind(q), k -> new ArrayList<>()).add(millis[i]);
    }
    java.util.Arrays.sort(millis);
    StringBuilder kinds = new StringBuilder();
    byKind.forEach(
        (kind, times) -> {
          times.sort(null);
          kinds.append(
              String.format(
                  "    %-40s median %6.1f ms, max %6.1f ms%n",
                  kind, times.get(times.size() / 2), times.get(times.size() - 1)));
        });
    String report =
        String.format(
            "catalogue benchmark, %d rounds of %d offers pushed and timed after %d to warm up,"
                + " %d in the database (%.0f s to replicate)%n"
                + "%s"
                + "  search, %d mixed queries, single client: median %.1f ms, p95 %.1f ms, p99"
                + " %.1f ms, max %.1f ms%n%s",
            rounds,
            offers,
            warmup,
            offerCount(),
            replicateSeconds,
            ingest,
            QUERIES,
            millis[QUERIES / 2],
            millis[(int) Math.ceil(QUERIES * 0.95) - 1],
            millis[(int) Math.ceil(QUERIES * 0.99) - 1],
            millis[QUERIES - 1],
            kinds);
    System.out.print(report);
    Files.writeString(Path.of("target", "catalogue-benchmark.txt"), report);
  }

  /** The parameter names of a query, e.g. {@code q+lifePhase}: its kind in the report. */
  private static String kind(String query) {
    return String.join(
        "+",
        java.util.Arrays.stream(query.split("&"))
            .map(p -> p.substring(0, p.indexOf('=')))
            .toList());
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

  /** NDJSON bodies of the demo offers {@code from} (inclusive) to {@code to}, 5,000 a request. */
  private static List<String> bodies(DemoCity city, int from, int to) {
    List<String> bodies = new ArrayList<>();
    for (int sent = from; sent < to; sent += BATCH) {
      StringBuilder lines = new StringBuilder();
      for (int i = sent; i < Math.min(to, sent + BATCH); i++) {
        lines.append(city.next("bench-" + i)).append('\n');
      }
      bodies.add(lines.toString());
    }
    return bodies;
  }

  /** Posts one bulk request as a partner and returns its report. */
  private String send(String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(bulkUri)
                .header("Authorization", "Bearer " + partnerToken)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "bulk push answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static void assertAllCreated(String report) {
    try {
      JsonNode items = JSON.readTree(report).get("items");
      for (JsonNode item : items) {
        if (!"created".equals(item.get("outcome").asText())) {
          throw new AssertionError("not created: " + item);
        }
      }
    } catch (java.io.IOException e) {
      throw new AssertionError("bulk report is not JSON", e);
    }
  }

  /** Waits until the relay has published every event, asking the database every 10 ms. */
  private static void awaitPublished() throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password());
        var unsent =
            c.prepareStatement("select count(*) from outbox_event where sent_at is null")) {
      while (true) {
        try (ResultSet rs = unsent.executeQuery()) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        Thread.sleep(10);
      }
    }
  }

  /**
   * Grows the catalogue to {@code copies} times the pushed offers for the search benchmark: each
   * pushed offer is copied with its sessions {@code copies - 1} times, the copy k shifted by k
   * days, so the mix of words, topics, places and districts stays that of the demo city. Straight
   * SQL, because the search, not the ingest, is measured at this size. The copies are written round
   * after round, each in the order the offers were pushed, as a catalogue grows: written in
   * whatever order the join gave, the copies of one offer could lie side by side, and a word's
   * matches then filled a third of the pages they fill otherwise (and searched twice as fast).
   */
  private static void replicate(int copies) throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
        DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password())) {
      var sql = c.createStatement();
      sql.execute(
          "create temporary table copy_of (src uuid, k int, dst uuid) on commit preserve rows");
      for (int from = 1; from < copies; from += 10) {
        int to = Math.min(copies - 1, from + 9);
        sql.execute("truncate copy_of");
        sql.execute(
            "insert into copy_of select o.id, k, gen_random_uuid() from offer o,"
                + " generate_series("
                + from
                + ", "
                + to
                + ") k where o.external_id like 'bench-%' and o.external_id not like '%~%'");
        sql.execute(
            "insert into offer (id, provider_id, external_id, title, description, topics, sdgs,"
                + " target_groups, life_phases, languages, modality, cost_kind, fee_cents,"
                + " reduced_fee_terms, accessibility, registration_url, capacity, certificate,"
                + " status, content, content_hash, version, first_start, last_end,"
                + " district_codes, min_lat, max_lat, min_lon, max_lon)"
                + " select m.dst, o.provider_id, o.external_id || '~' || m.k,"
                + " o.title, o.description, o.topics, o.sdgs, o.target_groups, o.life_phases,"
                + " o.languages, o.modality, o.cost_kind, o.fee_cents, o.reduced_fee_terms,"
                + " o.accessibility, o.registration_url, o.capacity, o.certificate, o.status,"
                + " o.content, o.content_hash, 1, o.first_start + m.k * interval '1 day',"
                + " o.last_end + m.k * interval '1 day', o.district_codes, o.min_lat,"
                + " o.max_lat, o.min_lon, o.max_lon"
                + " from copy_of m join offer o on o.id = m.src order by m.k, o.ctid");
        sql.execute(
            "insert into offer_session (id, offer_id, starts_at, ends_at, learning_place_id,"
                + " address, latitude, longitude, district_code, online_url)"
                + " select gen_random_uuid(), m.dst, s.starts_at + m.k * interval '1 day',"
                + " s.ends_at + m.k * interval '1 day', s.learning_place_id, s.address,"
                + " s.latitude, s.longitude, s.district_code, s.online_url"
                + " from copy_of m join offer_session s on s.offer_id = m.src");
      }
      sql.execute("vacuum analyze offer");
      sql.execute("vacuum analyze offer_search");
      sql.execute("vacuum analyze offer_session");
    }
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
