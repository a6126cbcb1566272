package org.lernstadt.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.Tokens;

/**
 * The gateway's overhead: the same signed-in request (not cacheable) straight to the catalogue and
 * through the gateway, alternating, in one run; and the district profile's latency. On demand only:
 * {@code ./mvnw -B verify -pl gateway -am -Dgroups=benchmark -DexcludedGroups=
 * -Dtest=GatewayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; {@code -Dbench.requests=N}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(KeycloakTestResource.class)
@QuarkusTestResource(PlatformServicesResource.class)
class GatewayBenchmark {

  private static final int REQUESTS = Integer.getInteger("bench.requests", 3000);

  @TestHTTPResource("/")
  URI gateway;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void overheadAndProfileLatency() throws Exception {
    String token = Tokens.forUser("citizen1");
    URI catalogue =
        URI.create(
            ConfigProvider.getConfig()
                .getValue("lernstadt.gateway.services.catalogue.url", String.class));
    String path = "/v1/offers?limit=5";
    HttpRequest direct = get(catalogue.resolve(path), token);
    HttpRequest routed = get(gateway.resolve("/catalogue" + path), token);
    long[] directNanos = new long[REQUESTS];
    long[] routedNanos = new long[REQUESTS];
    for (int i = 0; i < 500; i++) {
      time(direct);
      time(routed);
    }
    for (int i = 0; i < REQUESTS; i++) {
      if (i % 2 == 0) {
        directNanos[i] = time(direct);
        routedNanos[i] = time(routed);
      } else {
        routedNanos[i] = time(routed);
        directNanos[i] = time(direct);
      }
    }
    report("catalogue " + path + " direct", directNanos);
    report("catalogue " + path + " via gateway", routedNanos);
    long[] overhead = new long[REQUESTS];
    for (int i = 0; i < REQUESTS; i++) {
      overhead[i] = routedNanos[i] - directNanos[i];
    }
    report("overhead (paired difference)", overhead);

    // A district profile as a signed-in caller: never answered from the gateway's cache.
    String district = Screens.seed().code();
    HttpRequest profile = get(gateway.resolve("/api/v1/districts/" + district + "/profile"), token);
    long[] profileNanos = new long[Math.max(100, REQUESTS / 10)];
    for (int i = 0; i < 50; i++) {
      time(profile);
    }
    for (int i = 0; i < profileNanos.length; i++) {
      profileNanos[i] = time(profile);
    }
    report("district profile (signed in)", profileNanos);
  }

  private static HttpRequest get(URI uri, String token) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
  }

  private long time(HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    long took = System.nanoTime() - start;
    if (response.statusCode() >= 400) {
      throw new AssertionError(request.uri() + " answered " + response.statusCode());
    }
    return took;
  }

  private static void report(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "BENCH %-40s n=%d median=%.2f ms p95=%.2f ms p99=%.2f ms%n",
        what,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.95)] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6);
  }
}
