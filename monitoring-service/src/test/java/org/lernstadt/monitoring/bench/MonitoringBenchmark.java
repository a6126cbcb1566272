package org.lernstadt.monitoring.bench;

import static io.restassured.RestAssured.given;
import static org.lernstadt.monitoring.Fixtures.analyst;
import static org.lernstadt.monitoring.Fixtures.cloudEvent;
import static org.lernstadt.monitoring.Fixtures.importedIndicator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.KeycloakTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Event-to-indicator latency at a paced rate, and time-series query latency. Run on demand; the
 * figures go to the README.
 *
 * <p>Latency: case-opened events for 20 districts are produced at {@code bench.rate} per second;
 * the n-th event of a district makes the district's case count n, which the service publishes as a
 * value-updated event. The time from producing the event to receiving that update is measured.
 */
@QuarkusTest
@QuarkusTestResource(
    value = PostgresTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "monitoring"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTestResource.class)
@Tag("benchmark")
class MonitoringBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eventToIndicatorLatency() throws Exception {
    int rate = Integer.getInteger("bench.rate", 1000);
    int events = Integer.getInteger("bench.events", 5000);
    int warmup = events / 10;
    String run = UUID.randomUUID().toString().substring(0, 4);
    List<String> districts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String code = "bench-" + run + "-" + i;
      given()
          .auth()
          .oauth2(analyst())
          .contentType("application/json")
          .body(Map.of("name", code, "level", "DISTRICT", "parent", "city"))
          .put("/v1/areas/" + code)
          .then()
          .statusCode(200);
      districts.add(code);
    }
    Map<String, Long> sentAt = new ConcurrentHashMap<>();
    Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    int perDistrict = events / districts.size();
    Thread listener =
        Thread.ofPlatform().start(() -> listen(run, receivedAt, districts.size(), perDistrict));
    Map<String, Object> producerConfig =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaTestResource.server().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            0);
    int[] count = new int[districts.size()];
    events = perDistrict * districts.size();
    long start = System.nanoTime();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < events; i++) {
        long due = start + i * interval;
        while (System.nanoTime() < due) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
        int k = i % districts.size();
        String caseId = UUID.randomUUID().toString();
        String body =
            JSON.writeValueAsString(
                Map.of(
                    "caseId",
                    caseId,
                    "centreId",
                    caseId,
                    "transition",
                    "OTHER",
                    "stage",
                    "INTAKE",
                    "district",
                    districts.get(k),
                    "ageBand",
                    "25-44",
                    "occurredAt",
                    "2030-06-01T10:00:00Z"));
        count[k]++;
        sentAt.put(districts.get(k) + "#" + count[k], System.nanoTime());
        producer.send(
            cloudEvent(
                "counseling.cases.v1",
                caseId,
                "org.lernstadt.counseling.case.opened.v1",
                caseId,
                body));
      }
    }
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    listener.join(Duration.ofMinutes(15));
    List<Double> latencies = new ArrayList<>();
    int skipped = 0;
    for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
      int n = Integer.parseInt(sent.getKey().substring(sent.getKey().indexOf('#') + 1));
      if (n <= warmup / districts.size()) {
        skipped++;
        continue;
      }
      Long received = receivedAt.get(sent.getKey());
      if (received != null) {
        latencies.add((received - sent.getValue()) / 1e6);
      }
    }
    Collections.sort(latencies);
    System.out.printf(
        "BENCH event-to-indicator: %d events at %d/s (sent in %.1f s), %d after warm-up measured,"
            + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        events,
        rate,
        sendSeconds,
        latencies.size(),
        pct(latencies, 50),
        pct(latencies, 95),
        pct(latencies, 99),
        latencies.getLast());
    System.out.println("BENCH skipped warm-up events: " + skipped);
  }

  private static void listen(
      String run, Map<String, Long> receivedAt, int districts, int perDistrict) {
    Map<String, Integer> done = new java.util.HashMap<>();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaTestResource.server().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "bench-" + run,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "latest");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      try (Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                  KafkaTestResource.server().bootstrapServers()))) {
        if (!admin.listTopics().names().get().contains("monitoring.indicators.v1")) {
          admin
              .createTopics(List.of(new NewTopic("monitoring.indicators.v1", 3, (short) 1)))
              .all()
              .get();
        }
      }
      List<TopicPartition> partitions =
          consumer.partitionsFor("monitoring.indicators.v1", Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
      while (done.values().stream().filter(n -> n >= perDistrict).count() < districts
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.nanoTime();
          if (r.key() == null || !r.key().startsWith("COUNSELLING_CASES_OPENED/bench-" + run)) {
            continue;
          }
          JsonNode body = JSON.readTree(r.value());
          if (body.get("dimension").asText().isEmpty()) {
            String area = body.get("area").asText();
            int count = body.get("numerator").asInt();
            for (int n = done.getOrDefault(area, 0) + 1; n <= count; n++) {
              receivedAt.put(area + "#" + n, now);
            }
            done.merge(area, count, Math::max);
          }
        }
      }
    } catch (Exception e) {
      e.printStackTrace();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void timeSeriesQueryLatencyFor200AreasAnd20Years() {
    String indicator = importedIndicator("BENCH", 5, null);
    String run = UUID.randomUUID().toString().substring(0, 4);
    StringBuilder csv =
        new StringBuilder("indicator,area,period,dimension,category,numerator,denominator\n");
    List<String> areas = new ArrayList<>();
    for (int a = 0; a < 200; a++) {
      String code = "ts-" + run + "-" + a;
      given()
          .auth()
          .oauth2(analyst())
          .contentType("application/json")
          .body(Map.of("name", code, "level", "DISTRICT", "parent", "city"))
          .put("/v1/areas/" + code)
          .then()
          .statusCode(200);
      areas.add(code);
      for (int y = 2006; y < 2026; y++) {
        csv.append(indicator)
            .append(',')
            .append(code)
            .append(',')
            .append(y)
            .append(",,,")
            .append((a * 7 + y) % 90 + 3)
            .append(",100\n");
      }
    }
    long importStart = System.nanoTime();
    given()
        .config(
            RestAssuredConfig.config()
                .httpClient(
                    HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 600_000)))
        .auth()
        .oauth2(analyst())
        .contentType("text/csv")
        .body(csv.toString())
        .post("/v1/imports")
        .then()
        .statusCode(200);
    System.out.printf(
        "BENCH import of 4,000 values: %.1f s%n", (System.nanoTime() - importStart) / 1e9);
    List<Double> one = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String area = areas.get(i % areas.size());
      long t = System.nanoTime();
      given()
          .queryParam("area", area)
          .get("/v1/indicators/" + indicator + "/values")
          .then()
          .statusCode(200);
      if (i >= 50) {
        one.add((System.nanoTime() - t) / 1e6);
      }
      if (i % 5 == 0) {
        t = System.nanoTime();
        given().get("/v1/indicators/" + indicator + "/values").then().statusCode(200);
        if (i >= 50) {
          all.add((System.nanoTime() - t) / 1e6);
        }
      }
    }
    Collections.sort(one);
    Collections.sort(all);
    System.out.printf(
        "BENCH one area's 20-year series (public, suppression over the whole table): p50 %.1f ms,"
            + " p99 %.1f ms (%d requests)%n",
        pct(one, 50), pct(one, 99), one.size());
    System.out.printf(
        "BENCH whole table 200 areas x 20 years: p50 %.1f ms, p99 %.1f ms (%d requests)%n",
        pct(all, 50), pct(all, 99), all.size());
  }

  private static double pct(List<Double> sorted, int p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
