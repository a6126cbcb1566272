package org.lernstadt.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka and marks them sent once the broker has acknowledged them
 * (at-least-once). It wakes on PostgreSQL's NOTIFY from the outbox trigger, which is delivered when
 * the writing transaction commits, and polls as a fallback.
 *
 * <p>Several instances may run against one database: each takes rows with {@code FOR UPDATE SKIP
 * LOCKED}. A row is published only together with every earlier unsent row of its aggregate, so that
 * the events of one aggregate reach Kafka in the order they were written even when another instance
 * holds some of them.
 */
@ApplicationScoped
public class OutboxRelay {

  static final String CHANNEL = "lernstadt_outbox";

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private static final String SELECT_BATCH =
      "select id, topic, aggregate_id, type, subject, payload::text, occurred_at, seq,"
          + " trace_context::text"
          + " from outbox_event where sent_at is null order by seq limit $1"
          + " for update skip locked";

  /** Aggregates with an earlier unsent event that this batch does not hold. */
  private static final String BLOCKED_AGGREGATES =
      "select distinct o.aggregate_id from outbox_event o"
          + " join unnest($1::text[], $2::bigint[]) as b(aggregate_id, first_seq)"
          + " on o.aggregate_id = b.aggregate_id"
          + " where o.sent_at is null and o.seq < b.first_seq";

  private static final String MARK_SENT =
      "update outbox_event set sent_at = clock_timestamp() where id = any($1)";

  private static final String BACKLOG =
      "select count(*), coalesce(extract(epoch from clock_timestamp() - min(recorded_at)), 0)"
          + " from outbox_event where sent_at is null";

  private static final String PURGE_SENT =
      "delete from outbox_event where sent_at < clock_timestamp() - make_interval(secs => $1)";

  @Inject Pool pool;
  @Inject Vertx vertx;
  @Inject MeterRegistry registry;
  @Inject TraceContexts traces;

  @Inject
  @Channel("lernstadt-outbox")
  @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
  Emitter<String> emitter;

  @ConfigProperty(name = "lernstadt.outbox.relay.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "lernstadt.outbox.relay.batch-size", defaultValue = "500")
  int batchSize;

  @ConfigProperty(name = "lernstadt.outbox.relay.poll-interval", defaultValue = "PT1S")
  Duration pollInterval;

  @ConfigProperty(name = "lernstadt.outbox.relay.send-timeout", defaultValue = "PT15S")
  Duration sendTimeout;

  @ConfigProperty(name = "lernstadt.outbox.retention", defaultValue = "P7D")
  Duration retention;

  @ConfigProperty(name = "lernstadt.outbox.metrics-interval", defaultValue = "PT5S")
  Duration metricsInterval;

  @ConfigProperty(name = "lernstadt.events.source")
  Optional<String> configuredSource;

  @ConfigProperty(name = "quarkus.application.name", defaultValue = "lernstadt")
  String applicationName;

  @ConfigProperty(name = "quarkus.datasource.reactive.url")
  String databaseUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  Optional<String> databaseUser;

  @ConfigProperty(name = "quarkus.datasource.password")
  Optional<String> databasePassword;

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wakeRequested = new AtomicBoolean();
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestUnsentSeconds = new AtomicLong();
  private final List<Long> timers = new ArrayList<>();
  private volatile boolean stopped;
  private PgSubscriber subscriber;
  private Counter published;
  private Counter errors;
  private URI source;

  void start(@Observes StartupEvent startup) {
    if (!enabled) {
      LOG.info("Outbox relay is disabled");
      return;
    }
    source = URI.create(configuredSource.orElse("/lernstadt/" + applicationName));
    published =
        Counter.builder("lernstadt.outbox.published")
            .description("Events the relay published and the broker acknowledged")
            .register(registry);
    errors =
        Counter.builder("lernstadt.outbox.relay.errors")
            .description("Relay rounds or sends that failed; the events stay in the outbox")
            .register(registry);
    Gauge.builder("lernstadt.outbox.backlog", backlog, AtomicLong::get)
        .description("Events in the outbox not yet acknowledged by the broker")
        .register(registry);
    Gauge.builder("lernstadt.outbox.oldest.unsent.age", oldestUnsentSeconds, AtomicLong::get)
        .description("Age in seconds of the oldest event not yet acknowledged by the broker")
        .baseUnit("seconds")
        .register(registry);
    listen();
    timers.add(vertx.setPeriodic(pollInterval.toMillis(), id -> wake()));
    timers.add(vertx.setPeriodic(metricsInterval.toMillis(), id -> refreshMetrics()));
    timers.add(vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> purgeSent()));
    wake();
  }

  void stop(@Observes ShutdownEvent shutdown) {
    stopped = true;
    timers.forEach(vertx::cancelTimer);
    if (subscriber != null) {
      subscriber.closeAndForget();
    }
  }

  /** Asks for a relay round; rounds never overlap, and a wake during a round runs another. */
  public void wake() {
    wakeRequested.set(true);
    if (!stopped && running.compareAndSet(false, true)) {
      drain();
    }
  }

  private void drain() {
    wakeRequested.set(false);
    relayBatch()
        .subscribe()
        .with(
            more -> {
              if (more && !stopped) {
                drain();
                return;
              }
              running.set(false);
              if (wakeRequested.get()) {
                wake();
              }
            },
            failure -> {
              errors.increment();
              LOG.warnf("Outbox relay round failed, retrying on the next wake: %s", failure);
              running.set(false);
            });
  }

  /**
   * One transaction: lock a batch, publish what may go now, mark what the broker acknowledged.
   *
   * @return whether another round should follow at once
   */
  Uni<Boolean> relayBatch() {
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(SELECT_BATCH)
                .execute(Tuple.of(batchSize))
                .map(rows -> rows.stream().map(PendingEvent::from).toList())
                .chain(
                    batch -> {
                      if (batch.isEmpty()) {
                        return Uni.createFrom().item(false);
                      }
                      return publishable(conn, batch)
                          .chain(this::publish)
                          .chain(acked -> markSent(conn, acked))
                          .map(sent -> sent > 0 && batch.size() == batchSize);
                    }));
  }

  private Uni<List<PendingEvent>> publishable(SqlConnection conn, List<PendingEvent> batch) {
    Map<String, Long> firstSeq = new HashMap<>();
    batch.forEach(e -> firstSeq.putIfAbsent(e.aggregateId(), e.seq()));
    return conn.preparedQuery(BLOCKED_AGGREGATES)
        .execute(
            Tuple.of(
                firstSeq.keySet().toArray(String[]::new), firstSeq.values().toArray(Long[]::new)))
        .map(
            rows -> {
              Set<String> blocked = new HashSet<>();
              rows.forEach(row -> blocked.add(row.getString(0)));
              return batch.stream().filter(e -> !blocked.contains(e.aggregateId())).toList();
            });
  }

  /** Sends in outbox order and waits for the broker; returns the ids it acknowledged. */
  private Uni<List<UUID>> publish(List<PendingEvent> events) {
    if (events.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Uni<UUID>> acks = new ArrayList<>(events.size());
    for (PendingEvent event : events) {
      CompletableFuture<UUID> ack = new CompletableFuture<>();
      emitter.send(toMessage(event, ack));
      acks.add(
          Uni.createFrom()
              .completionStage(ack)
              .ifNoItem()
              .after(sendTimeout)
              .fail()
              .onFailure()
              .recoverWithItem(
                  failure -> {
                    errors.increment();
                    LOG.debugf("Event %s not acknowledged: %s", event.id(), failure);
                    return null;
                  }));
    }
    return Uni.join()
        .all(acks)
        .andFailFast()
        .map(ids -> ids.stream().filter(id -> id != null).toList());
  }

  private Message<String> toMessage(PendingEvent event, CompletableFuture<UUID> ack) {
    return Message.of(event.payload())
        .addMetadata(
            OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.aggregateId())
                .build())
        .addMetadata(
            OutgoingCloudEventMetadata.builder()
                .withId(event.id().toString())
                .withSource(source)
                .withType(event.type())
                .withSubject(event.subject())
                .withDataContentType("application/json")
                .withTimestamp(event.occurredAt().toZonedDateTime())
                .build())
        // The writer's trace, so that the publication and its consumers join the request's trace.
        .addMetadata(TracingMetadata.withCurrent(traces.restore(event.traceContext())))
        .withAck(
            () -> {
              ack.complete(event.id());
              return CompletableFuture.completedFuture(null);
            })
        .withNack(
            failure -> {
              ack.completeExceptionally(failure);
              return CompletableFuture.completedFuture(null);
            });
  }

  private Uni<Integer> markSent(SqlConnection conn, List<UUID> acked) {
    if (acked.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return conn.preparedQuery(MARK_SENT)
        .execute(Tuple.of(acked.toArray(UUID[]::new)))
        .map(
            result -> {
              published.increment(result.rowCount());
              return result.rowCount();
            });
  }

  private void listen() {
    PgConnectOptions options =
        PgConnectOptions.fromUri(databaseUrl.replaceFirst("^vertx-reactive:", ""));
    databaseUser.ifPresent(options::setUser);
    databasePassword.ifPresent(options::setPassword);
    subscriber = PgSubscriber.subscriber(vertx, options);
    // Reconnect forever, once a second: a relay without notifications still polls meanwhile.
    subscriber.reconnectPolicy(attempt -> 1000L);
    subscriber.channel(CHANNEL).handler(payload -> wake());
    subscriber
        .connect()
        .subscribe()
        .with(
            ok -> LOG.debug("Outbox relay listens for commits"),
            failure -> LOG.warnf("Outbox relay cannot listen yet, polling: %s", failure));
  }

  private void refreshMetrics() {
    pool.query(BACKLOG)
        .execute()
        .subscribe()
        .with(
            rows -> {
              Row row = rows.iterator().next();
              backlog.set(row.getLong(0));
              oldestUnsentSeconds.set(Math.round(row.getNumeric(1).doubleValue()));
            },
            failure -> LOG.debugf("Outbox metrics not refreshed: %s", failure));
  }

  private void purgeSent() {
    pool.preparedQuery(PURGE_SENT)
        .execute(Tuple.of((double) retention.toSeconds()))
        .subscribe()
        .with(
            rows -> LOG.debugf("Purged %d sent outbox rows", rows.rowCount()),
            failure -> LOG.debugf("Outbox purge failed: %s", failure));
  }

  record PendingEvent(
      UUID id,
      String topic,
      String aggregateId,
      String type,
      String subject,
      String payload,
      OffsetDateTime occurredAt,
      long seq,
      String traceContext) {

    static PendingEvent from(Row row) {
      return new PendingEvent(
          row.getUUID(0),
          row.getString(1),
          row.getString(2),
          row.getString(3),
          row.getString(4),
          row.getString(5),
          row.getOffsetDateTime(6),
          row.getLong(7),
          row.getString(8));
    }
  }
}
