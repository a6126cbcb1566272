package org.lernstadt.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Carries a trace across the outbox: the writer's context is stored with the event as the headers
 * the configured propagators produce (W3C {@code traceparent}, {@code tracestate}), and the relay
 * restores it, so the event's publication and its consumers belong to the request that caused it.
 */
@ApplicationScoped
public class TraceContexts {

  private static final Logger LOG = Logger.getLogger(TraceContexts.class);
  private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

  private static final TextMapGetter<Map<String, String>> FROM_MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  @Inject OpenTelemetry openTelemetry;
  @Inject ObjectMapper json;

  /** The current trace context as JSON headers, or null when nothing is traced. */
  public String current() {
    Map<String, String> headers = new HashMap<>();
    openTelemetry
        .getPropagators()
        .getTextMapPropagator()
        .inject(Context.current(), headers, Map::put);
    if (headers.isEmpty()) {
      return null;
    }
    try {
      return json.writeValueAsString(headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Trace headers are always serialisable", e);
    }
  }

  /**
   * The context stored with an event; the root context when none was stored or it is unreadable.
   */
  public Context restore(String storedHeaders) {
    if (storedHeaders == null) {
      return Context.root();
    }
    try {
      Map<String, String> headers = json.readValue(storedHeaders, HEADERS);
      return openTelemetry
          .getPropagators()
          .getTextMapPropagator()
          .extract(Context.root(), headers, FROM_MAP);
    } catch (JsonProcessingException e) {
      LOG.debugf("Stored trace context not readable, event published without it: %s", e);
      return Context.root();
    }
  }
}
