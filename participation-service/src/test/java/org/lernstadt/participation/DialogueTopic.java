package org.lernstadt.participation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lernstadt.platform.events.EventSchemas;
import org.lernstadt.platform.testing.Topics;

/**
 * Reads a participation topic from the real broker and checks each record: CloudEvents headers,
 * key, and the body against the JSON Schema of its type, read as an outside consumer would.
 */
public final class DialogueTopic {

  public static final String DIALOGUES = "participation.dialogues.v1";
  public static final String EVENTS = "participation.events.v1";
  public static final Duration WAIT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventSchemas SCHEMAS = new EventSchemas();

  private DialogueTopic() {}

  /**
   * Every record with the key on the topic, once {@code count} records of {@code untilType} with
   * that key arrived (records of one key arrive in order, so every earlier one is there too).
   */
  public static List<ConsumerRecord<String, String>> recordsOf(
      String topic, String key, String untilType, int count) {
    int[] seen = {0};
    Topics.read(
        topic, r -> key.equals(r.key()) && untilType.equals(type(r)) && ++seen[0] >= count, WAIT);
    if (seen[0] < count) {
      throw new AssertionError(
          "Only "
              + seen[0]
              + " of "
              + count
              + " "
              + untilType
              + " with key "
              + key
              + " in "
              + WAIT);
    }
    List<ConsumerRecord<String, String>> records =
        Topics.readToEnd(topic, WAIT).stream().filter(r -> key.equals(r.key())).toList();
    records.forEach(DialogueTopic::checkEnvelope);
    return records;
  }

  public static List<ConsumerRecord<String, String>> ofType(
      List<ConsumerRecord<String, String>> records, String type) {
    return records.stream().filter(r -> type.equals(type(r))).toList();
  }

  public static String type(ConsumerRecord<?, ?> record) {
    return Topics.header(record, "ce_type");
  }

  public static JsonNode body(ConsumerRecord<String, String> record) {
    try {
      return JSON.readTree(record.value());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CloudEvents envelope and that the body validates against the type's schema. */
  private static void checkEnvelope(ConsumerRecord<String, String> record) {
    assertEquals("1.0", Topics.header(record, "ce_specversion"));
    assertEquals("/lernstadt/participation-service", Topics.header(record, "ce_source"));
    assertNotNull(UUID.fromString(Topics.header(record, "ce_id")));
    assertNotNull(OffsetDateTime.parse(Topics.header(record, "ce_time")));
    assertTrue(Topics.header(record, "content-type").startsWith("application/json"));
    SCHEMAS.check(type(record), body(record));
    assertFalse(record.value().contains("00000000-0000-4000-8000-"), "no subject id in " + record);
  }
}
