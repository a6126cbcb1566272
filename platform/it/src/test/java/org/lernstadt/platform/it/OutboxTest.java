package org.lernstadt.platform.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lernstadt.platform.it.Notes.applied;
import static org.lernstadt.platform.it.Notes.put;
import static org.lernstadt.platform.testing.Topics.awaitRecord;
import static org.lernstadt.platform.testing.Topics.header;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import org.lernstadt.platform.testing.KafkaTestResource;
import org.lernstadt.platform.testing.Topics;

/**
 * The transactional outbox, the relay, the inbox and the dead-letter topic, through the real
 * PostgreSQL, Kafka broker and Keycloak.
 */
@QuarkusTest
class OutboxTest {

  private static final String TOPIC = NoteResource.TOPIC;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void stateChangeAndEventCommitTogetherAndArriveAsCloudEvent() throws Exception {
    UUID id = UUID.randomUUID();
    assertEquals(201, put("/notes/", id, "{\"text\":\"Lernort Stadtbibliothek\",\"priority\":3}"));

    ConsumerRecord<String, String> record =
        awaitRecord(TOPIC, r -> id.toString().equals(r.key()), WAIT);

    assertEquals(id.toString(), record.key(), "record key is the aggregate id");
    assertEquals("1.0", header(record, "ce_specversion"));
    assertEquals(NoteResource.CREATED, header(record, "ce_type"));
    assertEquals("/lernstadt/platform-it", header(record, "ce_source"));
    assertEquals(id.toString(), header(record, "ce_subject"));
    assertNotNull(UUID.fromString(header(record, "ce_id")));
    assertNotNull(OffsetDateTime.parse(header(record, "ce_time")));
    assertTrue(header(record, "content-type").startsWith("application/json"));
    JsonNode body = json.readTree(record.value());
    assertEquals(id.toString(), body.get("noteId").asText());
    assertEquals(3, body.get("priority").asInt());
  }

  @Test
  void rolledBackTransactionLeavesNeitherStateNorEvent() {
    UUID failed = UUID.randomUUID();
    given()
        .auth()
        .oauth2(Notes.editor())
        .contentType("application/json")
        .body("{\"text\":\"never committed\",\"priority\":1}")
        .put("/failing-notes/" + failed)
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    // A later committed note is published; the relay goes in outbox order, so once the later one
    // is on the broker the rolled-back one would be there too, on some partition, if it had been
    // written: read every partition to its end.
    UUID later = UUID.randomUUID();
    assertEquals(201, put("/notes/", later, "{\"text\":\"committed\",\"priority\":1}"));
    awaitRecord(TOPIC, r -> later.toString().equals(r.key()), WAIT);
    List<ConsumerRecord<String, String>> seen = Topics.readToEnd(TOPIC, WAIT);
    assertFalse(seen.stream().anyMatch(r -> failed.toString().equals(r.key())));
    given().auth().oauth2(Notes.editor()).get("/notes/" + failed).then().statusCode(404);
  }

  @Test
  void batchWrittenWithThePlainSqlClientCommitsWithItsEvents() {
    UUID committed1 = UUID.randomUUID();
    UUID committed2 = UUID.randomUUID();
    UUID rolledBack = UUID.randomUUID();
    given()
        .auth()
        .oauth2(Notes.editor())
        .contentType("application/json")
        .body("[{\"id\":\"" + rolledBack + "\",\"text\":\"never committed\"}]")
        .put("/batch-notes?failAfterWrite=true")
        .then()
        .statusCode(409);
    given()
        .auth()
        .oauth2(Notes.editor())
        .contentType("application/json")
        .body(
            "[{\"id\":\""
                + committed1
                + "\",\"text\":\"one\"},{\"id\":\""
                + committed2
                + "\",\"text\":\"two\"}]")
        .put("/batch-notes")
        .then()
        .statusCode(201);

    awaitRecord(TOPIC, r -> committed1.toString().equals(r.key()), WAIT);
    awaitRecord(TOPIC, r -> committed2.toString().equals(r.key()), WAIT);
    List<ConsumerRecord<String, String>> seen = Topics.readToEnd(TOPIC, WAIT);
    assertFalse(seen.stream().anyMatch(r -> rolledBack.toString().equals(r.key())));
    given().auth().oauth2(Notes.editor()).get("/notes/" + rolledBack).then().statusCode(404);
  }

  @Test
  void eventBodyViolatingItsSchemaIsRefusedAtTheProducer() {
    UUID id = UUID.randomUUID();
    given()
        .auth()
        .oauth2(Notes.editor())
        .contentType("application/json")
        .body("{\"text\":\"priority 99 is outside the event schema\",\"priority\":2}")
        .put("/off-schema-notes/" + id)
        .then()
        .statusCode(500)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.containsString("error id"));
    given().auth().oauth2(Notes.editor()).get("/notes/" + id).then().statusCode(404);
  }

  @Test
  void redeliveredEventHasExactlyOneEffect() throws Exception {
    UUID id = UUID.randomUUID();
    assertEquals(201, put("/notes/", id, "{\"text\":\"once\",\"priority\":4}"));
    await().atMost(WAIT).until(() -> applied(id) == 1);
    ConsumerRecord<String, String> original =
        awaitRecord(TOPIC, r -> id.toString().equals(r.key()), WAIT);

    // The broker hands the same event out again (a redelivery after a crash looks like this)...
    ProducerRecord<String, String> duplicate =
        new ProducerRecord<>(TOPIC, null, original.key(), original.value(), original.headers());
    // ...followed by a genuinely new event of the same aggregate, on the same partition.
    ProducerRecord<String, String> next =
        new ProducerRecord<>(
            TOPIC,
            null,
            original.key(),
            original.value(),
            List.of(
                new RecordHeader("ce_specversion", bytes("1.0")),
                new RecordHeader("ce_id", bytes(UUID.randomUUID().toString())),
                new RecordHeader("ce_type", bytes(NoteResource.CREATED)),
                new RecordHeader("ce_source", bytes("/tests"))));
    RecordMetadata last = Topics.produce(duplicate, next).getLast();

    await().atMost(WAIT).until(() -> applied(id) >= 2);
    await().atMost(WAIT).until(() -> committedOffset(last) > last.offset());
    assertEquals(2, applied(id), "the duplicate must have had no effect");
  }

  @Test
  void unreadableRecordGoesToDeadLetterTopicAndConsumerGoesOn() {
    String key = "poison-" + UUID.randomUUID();
    ProducerRecord<String, String> poison =
        new ProducerRecord<>(
            TOPIC,
            null,
            key,
            "{not json",
            List.of(
                new RecordHeader("ce_specversion", bytes("1.0")),
                new RecordHeader("ce_id", bytes(UUID.randomUUID().toString())),
                new RecordHeader("ce_type", bytes(NoteResource.CREATED)),
                new RecordHeader("ce_source", bytes("/tests"))));
    ProducerRecord<String, String> headless = new ProducerRecord<>(TOPIC, key, "{}");
    KafkaTestResource.companion().produceStrings().fromRecords(poison, headless).awaitCompletion();

    ConsumerRecord<String, String> dead =
        awaitRecord(
            TOPIC + ".dlq", r -> key.equals(r.key()) && "{not json".equals(r.value()), WAIT);
    assertTrue(
        header(dead, "dead-letter-reason").contains("not JSON"),
        header(dead, "dead-letter-reason"));
    ConsumerRecord<String, String> deadHeadless =
        awaitRecord(TOPIC + ".dlq", r -> key.equals(r.key()) && "{}".equals(r.value()), WAIT);
    assertTrue(header(deadHeadless, "dead-letter-reason").contains("ce_"));

    UUID after = UUID.randomUUID();
    assertEquals(201, put("/notes/", after, "{\"text\":\"after the poison\",\"priority\":1}"));
    await().atMost(WAIT).until(() -> applied(after) == 1);
  }

  @Test
  void writeSucceedsWhileKafkaIsAwayAndIsPublishedWhenItReturns() throws Exception {
    UUID id = UUID.randomUUID();
    try (AutoCloseable outage = KafkaTestResource.server().outage()) {
      assertEquals(201, put("/notes/", id, "{\"text\":\"written during outage\",\"priority\":5}"));
      // The outbox holds the event, and the backlog metric shows it.
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  given()
                      .get("/q/metrics")
                      .then()
                      .body(
                          org.hamcrest.Matchers.matchesPattern(
                              "(?s).*lernstadt_outbox_backlog(\\{[^}]*\\})? [1-9].*")));
    }
    ConsumerRecord<String, String> record =
        awaitRecord(TOPIC, r -> id.toString().equals(r.key()), Duration.ofSeconds(60));
    assertEquals(id.toString(), json.readTree(record.value()).get("noteId").asText());
    await().atMost(WAIT).untilAsserted(() -> assertEquals(1, applied(id)));
  }

  private static long committedOffset(RecordMetadata record) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.server().bootstrapServers()))) {
      TopicPartition partition = new TopicPartition(record.topic(), record.partition());
      OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets("platform-it-tally")
              .partitionsToOffsetAndMetadata()
              .get()
              .get(partition);
      return committed == null ? -1 : committed.offset();
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
