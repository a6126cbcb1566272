package org.lernstadt.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/** A CloudEvent received in binary mode: the {@code ce_*} headers and the JSON body. */
public record IncomingEvent(
    String id,
    String type,
    String source,
    String subject,
    OffsetDateTime time,
    String topic,
    String key,
    JsonNode data) {

  /**
   * Reads the event of a Kafka record.
   *
   * @throws MalformedEventException if a required header is missing or the body is not JSON
   */
  public static IncomingEvent parse(Message<String> message, ObjectMapper json) {
    IncomingKafkaRecordMetadata<?, ?> kafka =
        message
            .getMetadata(IncomingKafkaRecordMetadata.class)
            .orElseThrow(() -> new MalformedEventException("not a Kafka record"));
    Headers headers = kafka.getHeaders();
    String specVersion = header(headers, "ce_specversion");
    if (!"1.0".equals(specVersion)) {
      throw new MalformedEventException("ce_specversion is " + specVersion + ", expected 1.0");
    }
    String id = required(headers, "ce_id");
    String type = required(headers, "ce_type");
    String source = required(headers, "ce_source");
    String time = header(headers, "ce_time");
    JsonNode data;
    try {
      data = json.readTree(message.getPayload() == null ? "" : message.getPayload());
    } catch (Exception e) {
      throw new MalformedEventException("body is not JSON: " + e.getMessage());
    }
    if (data == null || data.isMissingNode() || !data.isObject()) {
      throw new MalformedEventException("body is not a JSON object");
    }
    try {
      return new IncomingEvent(
          id,
          type,
          source,
          header(headers, "ce_subject"),
          time == null ? null : OffsetDateTime.parse(time),
          kafka.getTopic(),
          kafka.getKey() == null ? null : kafka.getKey().toString(),
          data);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("ce_time is not an RFC 3339 time: " + time);
    }
  }

  private static String required(Headers headers, String name) {
    String value = header(headers, name);
    if (value == null || value.isBlank()) {
      throw new MalformedEventException("header " + name + " is missing");
    }
    return value;
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
