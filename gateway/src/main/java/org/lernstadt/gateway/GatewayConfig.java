package org.lernstadt.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Everything the gateway is told: where the services are, its limits, its cache. */
@ConfigMapping(prefix = "lernstadt.gateway")
public interface GatewayConfig {

  /** The services by route name ({@code /catalogue/**} goes to {@code services.catalogue}). */
  Map<String, Service> services();

  RateLimit rateLimit();

  Cache cache();

  Aggregation aggregation();

  interface Service {
    /** Base URL, e.g. {@code http://catalogue-service:8080}. */
    URI url();

    /** How long a routed request may take before the caller gets 504. */
    @WithDefault("10s")
    Duration timeout();

    /** Largest request body routed to this service (bulk pushes and imports need more). */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Whether the gateway is unready while this service is down (default: degraded only). */
    @WithDefault("false")
    boolean essential();

    /** Concurrent requests to this service before further ones wait (bulkhead). */
    @WithDefault("200")
    int maxConcurrent();
  }

  interface RateLimit {
    @WithDefault("true")
    boolean enabled();

    /** Reads per minute per signed-in client (token subject). */
    @WithDefault("600")
    int readsPerMinute();

    /** Writes (POST, PUT, PATCH, DELETE) per minute per signed-in client. */
    @WithDefault("120")
    int writesPerMinute();

    /** Reads per minute per IP address for anonymous callers. */
    @WithDefault("300")
    int anonymousReadsPerMinute();

    /** Writes per minute per IP address for anonymous callers (bookings, feedback). */
    @WithDefault("30")
    int anonymousWritesPerMinute();

    /** Clients tracked at most; the least recently seen are forgotten first. */
    @WithDefault("100000")
    int maxTrackedClients();
  }

  interface Cache {
    /** How long an anonymous GET answer is reused and may be cached by browsers. */
    @WithDefault("10s")
    Duration maxAge();

    /** Answers kept at most. */
    @WithDefault("2000")
    int maxEntries();

    /** Larger answers are passed on but not kept. */
    @WithDefault("512K")
    MemorySize maxEntrySize();
  }

  interface Aggregation {
    /** Time budget of one call to a service inside an aggregation (each try). */
    @WithDefault("800ms")
    Duration callTimeout();

    /** Time budget of a whole aggregated answer: what is not there by then is listed as missing. */
    @WithDefault("2s")
    Duration budget();

    /** Consecutive-window failure ratio that opens a service's circuit. */
    @WithDefault("0.5")
    double failureRatio();

    /** Calls in the circuit's rolling window. */
    @WithDefault("10")
    int requestVolume();

    /** How long an open circuit stays open before a trial call. */
    @WithDefault("5s")
    Duration circuitDelay();
  }

  /** The route names, in the order used in listings. */
  default List<String> serviceNames() {
    return services().keySet().stream().sorted().toList();
  }
}
