package org.lernstadt.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event exactly once: the inbox row and the effect commit in one transaction, a
 * duplicate is acknowledged without effect. A malformed event goes to the dead-letter topic at
 * once; a failing effect is retried with back-off (the database may be away) and goes to the
 * dead-letter topic only when the retries are used up, so one bad record never stops the consumer.
 */
@ApplicationScoped
public class EventConsumer {

  private static final Logger LOG = Logger.getLogger(EventConsumer.class);

  @Inject Inbox inbox;
  @Inject ObjectMapper json;
  @Inject Tracer tracer;

  @ConfigProperty(name = "lernstadt.events.consumer.retries", defaultValue = "30")
  int retries;

  @ConfigProperty(name = "lernstadt.events.consumer.max-backoff", defaultValue = "PT10S")
  Duration maxBackoff;

  /**
   * @param consumer the consumer's name in the inbox, stable across releases
   * @param message the record as received on an {@code @Incoming} channel
   * @param effect the state change, run inside the transaction; it may fail with {@link
   *     MalformedEventException} for an event it cannot apply
   */
  public Uni<Void> handle(
      String consumer, Message<String> message, Function<IncomingEvent, Uni<Void>> effect) {
    IncomingEvent event;
    try {
      event = IncomingEvent.parse(message, json);
    } catch (MalformedEventException e) {
      LOG.warnf("%s: malformed record, sent to dead-letter topic: %s", consumer, e.getMessage());
      return Uni.createFrom().completionStage(message.nack(e));
    }
    // The record's receive span is current here (its trace came with the record's headers); the
    // processing span shows the effect, a duplicate or the failure in that trace.
    Span span =
        tracer
            .spanBuilder(consumer + " process")
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.message.id", event.id())
            .setAttribute("messaging.destination.name", event.topic())
            .setAttribute("lernstadt.event.type", event.type())
            .startSpan();
    return Panache.withTransaction(
            () ->
                inbox
                    .firstDelivery(consumer, event.id())
                    .invoke(first -> span.setAttribute("lernstadt.event.duplicate", !first))
                    .chain(first -> first ? effect.apply(event) : Uni.createFrom().voidItem()))
        .onFailure(f -> !(f instanceof MalformedEventException))
        .invoke(f -> LOG.warnf("%s: event %s failed, will retry: %s", consumer, event.id(), f))
        .onFailure(f -> !(f instanceof MalformedEventException))
        .retry()
        .withBackOff(Duration.ofMillis(100), maxBackoff)
        .atMost(retries)
        .onItemOrFailure()
        .transformToUni(
            (done, failure) -> {
              if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, "sent to the dead-letter topic");
              }
              span.end();
              return Uni.createFrom()
                  .completionStage(failure == null ? message.ack() : message.nack(failure));
            });
  }
}
