package org.lernstadt.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a record on the broker must be to an outside consumer: a CloudEvent in Kafka binary mode
 * whose JSON data is valid against the JSON Schema its producer keeps for its type ({@code
 * <service>-service/src/main/resources/events/schemas/<type>.json}), checked with the validator the
 * platform's own {@code EventSchemas} uses.
 */
final class EventContracts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "org.lernstadt.";

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, Optional<JsonSchema>> schemas = new HashMap<>();
  private final Path repository = repositoryRoot();

  /** Why the record is not a valid event of the platform; empty when it is. */
  List<String> violations(ConsumerRecord<String, String> record) {
    // Read as UTF-8 text (the platform's events are JSON, which is UTF-8), given back as bytes.
    byte[] value = record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8);
    MessageReader reader = KafkaMessageFactory.createReader(record.headers(), value);
    if (reader.getEncoding() != Encoding.BINARY) {
      return List.of("not a binary-mode CloudEvent (encoding " + reader.getEncoding() + ")");
    }
    CloudEvent event;
    try {
      event = reader.toEvent();
    } catch (RuntimeException e) {
      return List.of("not a CloudEvent: " + e.getMessage());
    }
    String type = event.getType();
    if (!type.startsWith(PREFIX) || type.split("\\.").length < 4) {
      return List.of("type " + type + " is not a Lernstadt event type");
    }
    if (event.getDataContentType() == null
        || !event.getDataContentType().startsWith("application/json")) {
      return List.of(type + ": data content type " + event.getDataContentType());
    }
    if (event.getData() == null) {
      return List.of(type + ": no data");
    }
    JsonNode data;
    try {
      data = JSON.readTree(event.getData().toBytes());
    } catch (IOException e) {
      return List.of(type + ": data is not JSON: " + e.getMessage());
    }
    Optional<JsonSchema> schema = schemas.computeIfAbsent(type, this::load);
    if (schema.isEmpty()) {
      return List.of(type + ": no schema at " + schemaFile(type));
    }
    return schema.get().validate(data).stream()
        .map(ValidationMessage::getMessage)
        .map(message -> type + ": " + message)
        .toList();
  }

  private Optional<JsonSchema> load(String type) {
    Path file = schemaFile(type);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(factory.getSchema(in));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }

  /** {@code org.lernstadt.<service>.…} is kept by {@code <service>-service}. */
  private Path schemaFile(String type) {
    String service = type.substring(PREFIX.length(), type.indexOf('.', PREFIX.length()));
    return repository.resolve(
        Path.of(
            service + "-service", "src", "main", "resources", "events", "schemas", type + ".json"));
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("catalogue-service"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
  }
}
