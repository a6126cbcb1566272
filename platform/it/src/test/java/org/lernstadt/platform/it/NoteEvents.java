package org.lernstadt.platform.it;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.Tokens;

/** Test helpers: write notes through the API and read their records from the broker. */
final class NoteEvents {

  private NoteEvents() {}

  static String editor() {
    return Tokens.forUser("editor1");
  }

  static int put(String path, UUID id, String json) {
    return given()
        .auth()
        .oauth2(editor())
        .contentType(ContentType.JSON)
        .body(json)
        .put(path + id)
        .statusCode();
  }

  static int applied(UUID id) {
    return given()
        .auth()
        .oauth2(editor())
        .get("/notes/" + id + "/tally")
        .then()
        .statusCode(200)
        .extract()
        .path("applied");
  }

  /** Waits for the first record on the topic, read from the beginning, that matches. */
  static ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
    return records(topic, match, timeout).stream()
        .filter(match)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No matching record on " + topic + " in " + timeout));
  }

  /** Every record on the topic, from the beginning until one matches or the time is up. */
  static List<ConsumerRecord<String, String>> records(
      String topic, Predicate<ConsumerRecord<String, String>> until, Duration timeout) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaTestResource.server().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          seen.add(record);
          if (until.test(record)) {
            return seen;
          }
        }
      }
    }
    return seen;
  }

  /** Produces the records in order and waits for the broker; returns where each one landed. */
  @SafeVarargs
  static List<RecordMetadata> produce(ProducerRecord<String, String>... records) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaTestResource.server().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    List<RecordMetadata> landed = new ArrayList<>();
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (ProducerRecord<String, String> record : records) {
        landed.add(producer.send(record).get());
      }
    }
    return landed;
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
