package org.lernstadt.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.servers.TcpProxy;
import org.lernstadt.platform.testing.PostgresTestResource;
import org.lernstadt.platform.testing.ServiceApplication;
import org.lernstadt.platform.testing.Tokens;

/**
 * PostgreSQL goes away from one catalogue instance (a TCP proxy in front of the database closes):
 * requests are answered at once with 503 problem details, readiness is down, liveness up, and the
 * service recovers by itself when the database returns, with nothing half-written.
 */
class DatabaseOutageTest {

  private static final String DATABASE = "rel_catalogue_pg";

  /** A request that takes longer than this hangs; the service must answer well within it. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static long slowest;
  private static TcpProxy proxy;
  private static ServiceApplication catalogue;
  private static Platform.District district;

  @BeforeAll
  static void catalogueBehindAProxy() {
    PostgresServer pg = PostgresTestResource.server();
    Platform.start();
    proxy = TcpProxy.onFreePort();
    proxy.forwardTo(pg.port());
    String direct = pg.host() + ":" + pg.port() + "/";
    String proxied = "localhost:" + proxy.port() + "/";
    pg.recreateDatabase(DATABASE);
    catalogue =
        ServiceApplication.start(
            "catalogue-service",
            DATABASE,
            Platform.START,
            Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                pg.jdbcUrl(DATABASE).replace(direct, proxied),
                "QUARKUS_DATASOURCE_REACTIVE_URL",
                pg.reactiveUrl(DATABASE).replace(direct, proxied)));
    district = Platform.District.inCatalogue(DATABASE, "pgout");
  }

  @AfterAll
  static void stop() {
    if (catalogue != null) {
      catalogue.close();
    }
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void requestsFailFastWith503WhileTheDatabaseIsAwayAndTheServiceRecoversByItself()
      throws Exception {
    assertEquals(201, push("before").statusCode());
    assertEquals(200, get("/v1/offers?limit=5").statusCode());

    proxy.interrupt();
    Map<Integer, Integer> statuses = new TreeMap<>();
    slowest = 0;
    for (int i = 0; i < 20; i++) {
      String externalId = "during-" + i;
      for (HttpResponse<String> response :
          List.of(push(externalId), get("/v1/offers?limit=5"), get("/v1/partner/offers"))) {
        statuses.merge(response.statusCode(), 1, Integer::sum);
        assertEquals(503, response.statusCode(), response.uri() + ": " + response.body());
        assertEquals(
            "application/problem+json",
            response.headers().firstValue("Content-Type").orElse(""),
            response.uri().toString());
        assertTrue(response.body().contains("\"status\":503"), response.body());
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
      }
    }
    HttpResponse<String> ready = get("/q/health/ready");
    assertEquals(503, ready.statusCode());
    assertTrue(ready.body().contains("\"DOWN\""), ready.body());
    assertEquals(200, get("/q/health/live").statusCode());

    proxy.restore();
    await().atMost(Duration.ofMinutes(1)).until(() -> get("/q/health/ready").statusCode() == 200);
    assertEquals(201, push("after").statusCode());
    assertEquals(200, get("/v1/offers?limit=5").statusCode());

    // Nothing of the refused requests was written: no offer, no event.
    assertEquals(
        0,
        Platform.count(DATABASE, "select count(*) from offer where external_id like 'during-%'"));
    assertEquals(2, Platform.count(DATABASE, "select count(*) from offer where external_id <> ''"));
    assertEquals(
        0,
        Platform.count(
            DATABASE,
            "select count(*) from outbox_event e where not exists"
                + " (select 1 from offer o where o.id::text = e.aggregate_id)"));
    int tried = statuses.values().stream().mapToInt(Integer::intValue).sum();
    Figures.record(
        "DatabaseOutageTest",
        tried
            + " requests while PostgreSQL was away, answers by status "
            + statuses
            + ", slowest "
            + slowest
            + " ms; 0 rows written by them");
  }

  private static HttpResponse<String> push(String externalId) throws Exception {
    return send(
        HttpRequest.newBuilder(catalogue.url().resolve("/v1/partner/offers/" + externalId))
            .header("Authorization", "Bearer " + Tokens.forPartner("partner-vhs"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(district.offerBody("Kurs " + externalId))));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(catalogue.url().resolve(path)).GET();
    if (path.startsWith("/v1/partner")) {
      request.header("Authorization", "Bearer " + Tokens.forPartner("partner-vhs"));
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        HTTP.send(request.timeout(CLIENT_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
    return response;
  }
}
