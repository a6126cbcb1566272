package org.lernstadt.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the event types a service produces, read from the classpath at {@code
 * events/schemas/<type>.json} (the producing service keeps them in {@code src/main/resources}).
 */
@ApplicationScoped
public class EventSchemas {

  static final String LOCATION = "events/schemas/";

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

  /** Throws {@link EventSchemaViolationException} unless the body is valid for its type. */
  public void check(String type, JsonNode body) {
    JsonSchema schema =
        schemas
            .computeIfAbsent(type, this::load)
            .orElseThrow(
                () ->
                    new EventSchemaViolationException(
                        type, List.of("no schema at " + LOCATION + type + ".json")));
    List<String> violations =
        schema.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    if (!violations.isEmpty()) {
      throw new EventSchemaViolationException(type, violations);
    }
  }

  private Optional<JsonSchema> load(String type) {
    if (!type.matches("[A-Za-z0-9._-]+")) {
      return Optional.empty();
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(LOCATION + type + ".json")) {
      return in == null ? Optional.empty() : Optional.of(factory.getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
