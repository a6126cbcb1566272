package org.lernstadt.platform.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An event a service reports about one of its aggregates.
 *
 * @param topic the Kafka topic, e.g. {@code catalogue.offers.v1}
 * @param type the CloudEvents type, e.g. {@code org.lernstadt.catalogue.offer.published.v1}; a JSON
 *     Schema of that name must exist under {@code events/schemas/}
 * @param aggregateId the record key, so that the events of one aggregate stay in order
 * @param subject the CloudEvents subject, or {@code null}
 * @param data the body, serialised as JSON
 * @param occurredAt when the change happened
 */
public record OutgoingEvent(
    String topic,
    String type,
    String aggregateId,
    String subject,
    Object data,
    OffsetDateTime occurredAt) {

  public OutgoingEvent {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  public static OutgoingEvent of(String topic, String type, String aggregateId, Object data) {
    return new OutgoingEvent(topic, type, aggregateId, aggregateId, data, OffsetDateTime.now());
  }
}
