package org.lernstadt.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Writes events into the outbox table in the caller's transaction, so that an event exists if and
 * only if the state change it reports was committed. {@link OutboxRelay} publishes them.
 */
@ApplicationScoped
public class Outbox {

  // The inner cast makes PostgreSQL type the parameter as text: typed as jsonb, the driver would
  // send the JSON document as one JSON string.
  private static final String INSERT =
      "insert into outbox_event (id, topic, aggregate_id, type, subject, payload, occurred_at)"
          + " values (:id, :topic, :aggregateId, :type, :subject, cast(cast(:payload as text) as jsonb),"
          + " :occurredAt)";

  @Inject ObjectMapper json;
  @Inject EventSchemas schemas;

  /**
   * Appends the event; must run inside a transaction ({@code @WithTransaction} or {@code
   * Panache.withTransaction}). Fails with {@link EventSchemaViolationException} if the body does
   * not match its schema, which rolls the transaction back.
   *
   * @return the event id, which becomes the CloudEvents {@code id}
   */
  public Uni<UUID> append(OutgoingEvent event) {
    return Uni.createFrom()
        .item(() -> serialise(event))
        .chain(
            payload ->
                Panache.currentTransaction()
                    .onItem()
                    .ifNull()
                    .failWith(
                        () ->
                            new IllegalStateException(
                                "Outbox.append must run inside a transaction"))
                    .chain(Panache::getSession)
                    .chain(
                        session -> {
                          UUID id = UUID.randomUUID();
                          return session
                              .createNativeQuery(INSERT)
                              .setParameter("id", id)
                              .setParameter("topic", event.topic())
                              .setParameter("aggregateId", event.aggregateId())
                              .setParameter("type", event.type())
                              .setParameter("subject", event.subject())
                              .setParameter("payload", payload)
                              .setParameter("occurredAt", event.occurredAt())
                              .executeUpdate()
                              .replaceWith(id);
                        }));
  }

  private String serialise(OutgoingEvent event) {
    JsonNode body = json.valueToTree(event.data());
    schemas.check(event.type(), body);
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event body of " + event.type() + " is not JSON", e);
    }
  }
}
