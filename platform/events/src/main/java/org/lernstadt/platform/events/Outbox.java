package org.lernstadt.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
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
      "insert into outbox_event"
          + " (id, topic, aggregate_id, type, subject, payload, occurred_at, trace_context)"
          + " values (:id, :topic, :aggregateId, :type, :subject, cast(cast(:payload as text) as jsonb),"
          + " :occurredAt, cast(cast(:traceContext as text) as jsonb))";

  /** All events of one call in one statement, over arrays of their columns. */
  private static final String INSERT_ALL =
      "insert into outbox_event"
          + " (id, topic, aggregate_id, type, subject, payload, occurred_at, trace_context)"
          + " select t.id, t.topic, t.aggregate_id, t.type, nullif(t.subject, ''),"
          + " cast(t.payload as jsonb), t.occurred_at, cast($8::text as jsonb)"
          + " from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
          + " $7::timestamptz[]) with ordinality"
          + " as t(id, topic, aggregate_id, type, subject, payload, occurred_at, n) order by t.n";

  @Inject ObjectMapper json;
  @Inject EventSchemas schemas;
  @Inject TraceContexts traces;

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
                              .setParameter("traceContext", traces.current())
                              .executeUpdate()
                              .replaceWith(id);
                        }));
  }

  /**
   * Appends events through a plain reactive SQL connection, for services that write with the Vert.x
   * client instead of Hibernate; {@code connection} must be inside the transaction of the state
   * change ({@code Pool.withTransaction}). Writes all rows with one statement.
   *
   * @return the event ids, in order
   */
  public Uni<List<UUID>> appendAll(SqlConnection connection, List<OutgoingEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    int n = events.size();
    UUID[] ids = new UUID[n];
    String[] topics = new String[n];
    String[] aggregates = new String[n];
    String[] types = new String[n];
    String[] subjects = new String[n];
    String[] payloads = new String[n];
    OffsetDateTime[] occurred = new OffsetDateTime[n];
    for (int i = 0; i < n; i++) {
      OutgoingEvent event = events.get(i);
      ids[i] = UUID.randomUUID();
      topics[i] = event.topic();
      aggregates[i] = event.aggregateId();
      types[i] = event.type();
      subjects[i] = event.subject() == null ? "" : event.subject();
      payloads[i] = serialise(event);
      occurred[i] = event.occurredAt();
    }
    // In the given order, so that an aggregate's events get ascending sequence numbers.
    return connection
        .preparedQuery(INSERT_ALL)
        .execute(
            Tuple.tuple(
                Arrays.asList(
                    ids,
                    topics,
                    aggregates,
                    types,
                    subjects,
                    payloads,
                    occurred,
                    traces.current())))
        .replaceWith(List.of(ids));
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
