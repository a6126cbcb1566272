package org.lernstadt.platform.it;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.events.Outbox;
import org.lernstadt.platform.events.OutgoingEvent;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/**
 * Measures the outbox relay's delay from commit to a consumer receiving the event, over 1,000
 * events written one transaction at a time, on the real PostgreSQL and broker. A benchmark, not a
 * test: it asserts nothing about time and runs only on demand:
 *
 * <pre>
 * ./mvnw -pl platform/it -am verify -Dgroups=benchmark -DexcludedGroups= -Dtest=OutboxLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@QuarkusTest
@Tag("benchmark")
class OutboxLatencyBenchmark {

  private static final int WARM_UP = 200;
  private static final int MEASURED = 1_000;
  private static final String TOPIC = "bench.latency.v1";

  @Inject Outbox outbox;

  @Test
  void commitToPublishLatency() throws Throwable {
    Map<String, Long> received = new ConcurrentHashMap<>();
    Thread reader = Thread.ofPlatform().start(() -> read(received, WARM_UP + MEASURED));

    Map<String, Long> committed = new ConcurrentHashMap<>();
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      String id = UUID.randomUUID().toString();
      VertxContextSupport.subscribeAndAwait(
          () ->
              Panache.withTransaction(
                  () ->
                      outbox.append(
                          OutgoingEvent.of(
                              TOPIC,
                              NoteResource.CREATED,
                              id,
                              Map.of("noteId", id, "priority", 1)))));
      committed.put(id, System.nanoTime());
      if (i < WARM_UP) {
        committed.put(id, -1L);
      }
    }
    reader.join(Duration.ofMinutes(2).toMillis());

    List<Double> millis = new ArrayList<>();
    committed.forEach(
        (id, at) -> {
          Long got = received.get(id);
          if (at >= 0 && got != null) {
            millis.add((got - at) / 1_000_000.0);
          }
        });
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    String report =
        String.format(
            "outbox commit->consumer latency over %d events (of %d sent): median %.2f ms, p95 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms%n",
            sorted.length,
            MEASURED,
            percentile(sorted, 50),
            percentile(sorted, 95),
            percentile(sorted, 99),
            sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
    report += relayFigures();
    System.out.print(report);
    Files.writeString(Path.of("target", "outbox-latency.txt"), report);
  }

  /**
   * From the outbox itself: insert (inside the committing transaction) to broker acknowledgement.
   */
  private static String relayFigures() throws Exception {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl("platform_it"), pg.user(), pg.password());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select percentile_cont(array[0.5, 0.95, 0.99]) within group (order by"
                        + " extract(epoch from sent_at - recorded_at) * 1000)"
                        + " from (select * from outbox_event where topic = '"
                        + TOPIC
                        + "' order by seq offset "
                        + WARM_UP
                        + ") measured")) {
      rs.next();
      Double[] p = (Double[]) rs.getArray(1).getArray();
      return String.format(
          "outbox insert->broker ack (sent_at - recorded_at): median %.2f ms, p95 %.2f ms, p99 %.2f"
              + " ms%n",
          p[0], p[1], p[2]);
    }
  }

  private static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static void read(Map<String, Long> received, int expected) {
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.server().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                1),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (received.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
          received.putIfAbsent(r.key(), System.nanoTime());
        }
      }
    }
  }
}
