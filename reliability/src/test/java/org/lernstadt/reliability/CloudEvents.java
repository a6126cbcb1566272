package org.lernstadt.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Records as the platform's outbox relay writes them: CloudEvents in Kafka binary mode. */
final class CloudEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CloudEvents() {}

  static ProducerRecord<String, String> record(
      String topic, String key, String type, String eventId, String body) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
    header(record, "ce_id", eventId);
    header(record, "ce_type", type);
    header(
        record, "ce_source", "/lernstadt/" + topic.substring(0, topic.indexOf('.')) + "-service");
    header(record, "ce_specversion", "1.0");
    header(record, "ce_time", OffsetDateTime.now().toString());
    header(record, "ce_subject", key);
    header(record, "content-type", "application/json");
    return record;
  }

  static ProducerRecord<String, String> record(
      String topic, String key, String type, String eventId, Map<String, ?> body) {
    try {
      return record(topic, key, type, eventId, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
