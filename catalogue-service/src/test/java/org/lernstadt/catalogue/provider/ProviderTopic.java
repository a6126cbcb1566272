package org.lernstadt.catalogue.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.lernstadt.platform.servers.PostgresServer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.PostgresTestResource;

/** Reads {@code catalogue.providers.v1} from the real broker, from the beginning. */
public final class ProviderTopic {

  public static final String TOPIC = "catalogue.providers.v1";
  public static final Duration WAIT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProviderTopic() {}

  /**
   * The records with this key, read from the beginning until one with the given type has arrived
   * (records of one key arrive in the order they were written, so every earlier one is there too).
   */
  public static List<ConsumerRecord<String, String>> recordsOf(String key, String untilType) {
    return recordsOf(key, untilType, 1);
  }

  /** The records with this key, from the beginning until {@code count} of the type arrived. */
  public static List<ConsumerRecord<String, String>> recordsOf(
      String key, String untilType, int count) {
    Predicate<ConsumerRecord<String, String>> match =
        r -> key.equals(r.key()) && untilType.equals(header(r, "ce_type"));
    int[] matched = {0};
    Predicate<ConsumerRecord<String, String>> last = r -> match.test(r) && ++matched[0] >= count;
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaTestResource.server().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "provider-test-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TOPIC));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            seen.add(record);
          }
          if (last.test(record)) {
            return seen;
          }
        }
      }
    }
    throw new AssertionError(
        "No " + untilType + " with key " + key + " on " + TOPIC + " in " + WAIT + "; saw " + seen);
  }

  /** The CloudEvents types of the records, in order. */
  public static List<String> types(List<ConsumerRecord<String, String>> records) {
    return records.stream().map(r -> header(r, "ce_type")).toList();
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** How many events of the aggregate and type the outbox holds: what was committed. */
  public static int committed(String aggregateId, String type) {
    PostgresServer pg = PostgresTestResource.server();
    try (Connection c =
            DriverManager.getConnection(pg.jdbcUrl("catalogue"), pg.user(), pg.password());
        PreparedStatement statement =
            c.prepareStatement(
                "select count(*) from outbox_event where aggregate_id = ? and type = ?")) {
      statement.setString(1, aggregateId);
      statement.setString(2, type);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new AssertionError("Reading the outbox: " + e, e);
    }
  }

  public static JsonNode body(ConsumerRecord<String, String> record) {
    try {
      return JSON.readTree(record.value());
    } catch (IOException e) {
      throw new AssertionError("Record body is not JSON: " + record.value(), e);
    }
  }
}
