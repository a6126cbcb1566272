package org.lernstadt.platform.events;

import java.util.List;

/**
 * An event body does not match the JSON Schema of its type, or the type has no schema. The producer
 * refuses such an event, so the state change that came with it is rolled back.
 */
public class EventSchemaViolationException extends RuntimeException {

  private final List<String> violations;

  public EventSchemaViolationException(String type, List<String> violations) {
    super("Event of type " + type + " violates its schema: " + String.join("; ", violations));
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
