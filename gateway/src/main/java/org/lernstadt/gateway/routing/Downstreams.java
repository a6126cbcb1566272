package org.lernstadt.gateway.routing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lernstadt.gateway.GatewayConfig;

/**
 * The gateway's connections to the services. Every call runs behind the service's guards: a
 * bulkhead (so one slow service cannot take all connections) and a circuit breaker (so a service
 * that is down is not waited for again and again). Routed calls have the service's long timeout and
 * are retried only when the connection could not be made for an idempotent method; calls inside an
 * aggregation are all GETs, with a short timeout and one retry.
 */
@ApplicationScoped
public class Downstreams {

  private static final TypeLiteral<Uni<DownstreamResponse>> RESPONSE = new TypeLiteral<>() {};

  private final GatewayConfig config;
  private final MeterRegistry metrics;
  private final HttpClient client;
  private final Map<String, TypedGuard<Uni<DownstreamResponse>>> routeGuards =
      new ConcurrentHashMap<>();
  private final Map<String, TypedGuard<Uni<DownstreamResponse>>> callGuards =
      new ConcurrentHashMap<>();

  Downstreams(GatewayConfig config, MeterRegistry metrics, Vertx vertx) {
    this.config = config;
    this.metrics = metrics;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setMaxPoolSize(
                    config.services().values().stream()
                        .mapToInt(GatewayConfig.Service::maxConcurrent)
                        .max()
                        .orElse(100))
                .setKeepAlive(true)
                .setConnectTimeout(2_000)
                .setDecompressionSupported(false));
    config.services().forEach(this::guard);
  }

  private void guard(String name, GatewayConfig.Service service) {
    GatewayConfig.Aggregation aggregation = config.aggregation();
    routeGuards.put(
        name,
        TypedGuard.create(RESPONSE)
            .withDescription(name + " routed")
            .withBulkhead()
            .limit(service.maxConcurrent())
            .queueSize(service.maxConcurrent())
            .done()
            .withCircuitBreaker()
            .name(name + "-route")
            .requestVolumeThreshold(aggregation.requestVolume())
            .failureRatio(aggregation.failureRatio())
            .delay(aggregation.circuitDelay().toMillis(), ChronoUnit.MILLIS)
            .failOn(DownstreamException.class)
            .done()
            .build());
    callGuards.put(
        name,
        TypedGuard.create(RESPONSE)
            .withDescription(name + " aggregated")
            .withBulkhead()
            .limit(service.maxConcurrent())
            .queueSize(service.maxConcurrent())
            .done()
            .withCircuitBreaker()
            .name(name + "-aggregate")
            .requestVolumeThreshold(aggregation.requestVolume())
            .failureRatio(aggregation.failureRatio())
            .delay(aggregation.circuitDelay().toMillis(), ChronoUnit.MILLIS)
            .failOn(DownstreamException.class)
            .done()
            .withRetry()
            .maxRetries(1)
            .delay(50, ChronoUnit.MILLIS)
            .retryOn(DownstreamException.class)
            .done()
            .build());
  }

  /**
   * Routes one request to a service. A 5xx answer is passed on as it is; only unreachable services
   * and timeouts fail the Uni (with {@link DownstreamException}).
   */
  public Uni<DownstreamResponse> route(
      String service, HttpMethod method, String pathAndQuery, MultiMap headers, Buffer body) {
    GatewayConfig.Service target = config.services().get(service);
    boolean idempotent =
        method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    Uni<DownstreamResponse> once =
        send(service, "route", target, method, pathAndQuery, headers, body, target.timeout());
    // Retried only when no connection could be made: then the service never saw the request.
    Uni<DownstreamResponse> call =
        idempotent
            ? once.onFailure(e -> e.getCause() instanceof ConnectException).retry().atMost(1)
            : once;
    return routeGuards.get(service).get(() -> call);
  }

  /**
   * A GET inside an aggregation: short timeout, one retry, and any answer of 5xx or unusable JSON
   * counts as a failure of the service.
   */
  public Uni<DownstreamResponse> get(String service, String pathAndQuery, String authorization) {
    GatewayConfig.Service target = config.services().get(service);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json");
    if (authorization != null) {
      headers.add("Authorization", authorization);
    }
    Uni<DownstreamResponse> call =
        send(
                service,
                "aggregate",
                target,
                HttpMethod.GET,
                pathAndQuery,
                headers,
                null,
                config.aggregation().callTimeout())
            .invoke(
                response -> {
                  if (response.status() >= 500) {
                    throw new DownstreamException(service + " answered " + response.status());
                  }
                });
    return callGuards.get(service).get(() -> call);
  }

  private Uni<DownstreamResponse> send(
      String service,
      String kind,
      GatewayConfig.Service target,
      HttpMethod method,
      String pathAndQuery,
      MultiMap headers,
      Buffer body,
      Duration timeout) {
    URI base = target.url();
    RequestOptions options =
        new RequestOptions()
            .setMethod(method)
            .setHost(base.getHost())
            .setPort(base.getPort() > 0 ? base.getPort() : 80)
            .setURI(basePath(base) + pathAndQuery)
            .setHeaders(headers)
            .setIdleTimeout(timeout.toMillis());
    return Uni.createFrom()
        .deferred(
            () -> {
              Timer.Sample sample = Timer.start(metrics);
              return client
                  .request(options)
                  .chain(
                      request ->
                          body == null
                              ? request.send()
                              : request.send(io.vertx.mutiny.core.buffer.Buffer.newInstance(body)))
                  .chain(
                      response ->
                          response
                              .body()
                              .map(
                                  content ->
                                      new DownstreamResponse(
                                          response.statusCode(),
                                          response.headers().getDelegate(),
                                          content.getDelegate())))
                  .ifNoItem()
                  .after(timeout)
                  .failWith(() -> new DownstreamTimeoutException(service, timeout))
                  .onFailure(e -> !(e instanceof DownstreamException))
                  .transform(e -> new DownstreamException(service + " is not reachable: " + e, e))
                  .onItemOrFailure()
                  .invoke(
                      (response, failure) ->
                          sample.stop(
                              metrics.timer(
                                  "gateway.downstream.requests",
                                  "service",
                                  service,
                                  "kind",
                                  kind,
                                  "outcome",
                                  outcome(response, failure))));
            });
  }

  private static String outcome(DownstreamResponse response, Throwable failure) {
    if (failure instanceof DownstreamTimeoutException) {
      return "timeout";
    }
    if (failure != null) {
      return "unreachable";
    }
    return (response.status() / 100) + "xx";
  }

  private static String basePath(URI base) {
    String path = base.getRawPath();
    return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
  }

  @PreDestroy
  void close() {
    client.closeAndAwait();
  }
}
