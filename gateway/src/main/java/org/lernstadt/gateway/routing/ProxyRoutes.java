package org.lernstadt.gateway.routing;

import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.lernstadt.gateway.GatewayConfig;
import org.lernstadt.gateway.caching.PublicResponseCache;
import org.lernstadt.gateway.limits.FrontDoor;
import org.lernstadt.gateway.openapi.PlatformOpenApi;
import org.lernstadt.platform.web.Problem;

/**
 * Routes {@code /<service>/v1/**} to the service's {@code /v1/**}: the caller's token is relayed
 * unchanged (the service checks it again for its own audience and roles), status codes, problem
 * details and the headers a client acts on come back as the service sent them.
 */
@ApplicationScoped
public class ProxyRoutes {

  private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

  private final GatewayConfig config;
  private final Downstreams downstreams;
  private final FrontDoor frontDoor;
  private final PublicResponseCache cache;
  private final ProblemWriter problems;
  private final Collection<String> traceHeaders;

  ProxyRoutes(
      GatewayConfig config,
      Downstreams downstreams,
      FrontDoor frontDoor,
      PublicResponseCache cache,
      ProblemWriter problems,
      OpenTelemetry openTelemetry,
      @ConfigProperty(name = "quarkus.otel.sdk.disabled") boolean untraced) {
    this.config = config;
    this.downstreams = downstreams;
    this.frontDoor = frontDoor;
    this.cache = cache;
    this.problems = problems;
    // When the gateway traces, the caller's trace context is the parent of the gateway's span and
    // the call to the service carries the gateway's own; untraced, the caller's passes unchanged.
    this.traceHeaders =
        untraced ? List.of() : openTelemetry.getPropagators().getTextMapPropagator().fields();
  }

  void register(@Observes Router router) {
    for (String service : config.serviceNames()) {
      String prefix = "/" + service;
      long maxBody = config.services().get(service).maxBodySize().asLongValue();
      router
          .route(prefix + "/*")
          .handler(BodyHandler.create(false).setBodyLimit(maxBody))
          .handler(this::admit)
          .handler(ctx -> forward(ctx, service, prefix))
          .failureHandler(this::failed);
    }
  }

  private void admit(RoutingContext ctx) {
    Uni<SecurityIdentity> identity = ctx.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
    frontDoor
        .admit(ctx.request(), identity)
        .subscribe()
        .with(
            rejection -> {
              if (rejection == null) {
                ctx.next();
              } else {
                problems.write(ctx, rejection.problem(), rejection.headers());
              }
            },
            ctx::fail);
  }

  private void forward(RoutingContext ctx, String service, String prefix) {
    HttpServerRequest request = ctx.request();
    String path = ctx.normalizedPath().substring(prefix.length());
    // Only the services' APIs and event documents are routed; /q/... (metrics, health) stays
    // inside.
    if (!(path.equals("/v1") || path.startsWith("/v1/") || path.equals(PlatformOpenApi.ASYNCAPI))) {
      problems.write(ctx, 404, "Not Found", "No route for this path.");
      return;
    }
    String pathAndQuery = request.query() == null ? path : path + '?' + request.query();
    boolean anonymousGet =
        request.method() == HttpMethod.GET && request.getHeader("Authorization") == null;
    String cacheKey =
        anonymousGet ? PublicResponseCache.key(service, pathAndQuery, request.headers()) : null;
    if (anonymousGet) {
      PublicResponseCache.Entry kept = cache.fresh(cacheKey);
      if (kept != null) {
        answer(ctx, service, prefix, kept.response(), kept.etag());
        return;
      }
    }
    MultiMap headers = HttpHeadersPolicy.endToEnd(request.headers());
    traceHeaders.forEach(headers::remove);
    String forwardedFor = request.getHeader("X-Forwarded-For");
    String client = request.remoteAddress() == null ? null : request.remoteAddress().host();
    if (client != null) {
      headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
    }
    headers.set("X-Forwarded-Proto", request.scheme());
    if (request.authority() != null) {
      headers.set("X-Forwarded-Host", request.authority().toString());
    }
    headers.set("X-Forwarded-Prefix", prefix);
    downstreams
        .route(
            service,
            request.method(),
            pathAndQuery,
            headers,
            ctx.body().isEmpty() ? null : ctx.body().buffer())
        .subscribe()
        .with(
            response ->
                answer(
                    ctx,
                    service,
                    prefix,
                    response,
                    anonymousGet ? cache.remember(cacheKey, response) : null),
            failure -> unavailable(ctx, service, failure));
  }

  private void answer(
      RoutingContext ctx, String service, String prefix, DownstreamResponse response, String etag) {
    HttpServerResponse out = ctx.response();
    if (out.ended()) {
      return;
    }
    if (response.status() >= 500 && !isProblem(response)) {
      // A service's own error page (or worse, a stack trace) never reaches the caller.
      problems.write(
          ctx, 502, "Bad Gateway", service + " failed to answer (" + response.status() + ").");
      return;
    }
    HttpHeadersPolicy.endToEnd(response.headers()).forEach(out::putHeader);
    String location = response.headers().get("Location");
    if (location != null) {
      out.putHeader("Location", relocate(location, service, prefix, ctx.request()));
    }
    if (etag != null && response.status() == 200) {
      out.putHeader("ETag", etag);
      if (!response.headers().contains("Cache-Control")) {
        out.putHeader("Cache-Control", "public, max-age=" + cache.maxAgeSeconds());
      }
      if (PublicResponseCache.matches(ctx.request().getHeader("If-None-Match"), etag)) {
        out.headers().remove("Content-Type");
        out.setStatusCode(304).end();
        return;
      }
    } else if (!response.headers().contains("Cache-Control")) {
      out.putHeader("Cache-Control", "no-store");
    }
    out.setStatusCode(response.status());
    if (ctx.request().method() == HttpMethod.HEAD) {
      out.end();
    } else {
      out.end(response.body());
    }
  }

  /** A Location of the service (absolute or path) becomes the same resource under the gateway. */
  private String relocate(
      String location, String service, String prefix, HttpServerRequest request) {
    URI base = config.services().get(service).url();
    String path = location;
    if (location.startsWith(base.toString())) {
      path = location.substring(base.toString().replaceAll("/+$", "").length());
    } else if (!location.startsWith("/")) {
      return location;
    }
    return request.scheme() + "://" + request.authority() + prefix + path;
  }

  private static boolean isProblem(DownstreamResponse response) {
    String type = response.headers().get("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).startsWith(Problem.MEDIA_TYPE);
  }

  private void unavailable(RoutingContext ctx, String service, Throwable failure) {
    if (failure instanceof DownstreamTimeoutException) {
      problems.write(ctx, 504, "Gateway Timeout", failure.getMessage() + ".");
    } else if (failure instanceof CircuitBreakerOpenException) {
      problems.write(
          ctx,
          Problem.of(
              503,
              "Service Unavailable",
              service + " failed repeatedly; calls are paused for a moment.",
              null),
          Map.of("Retry-After", String.valueOf(config.aggregation().circuitDelay().toSeconds())));
    } else if (failure instanceof BulkheadException) {
      problems.write(
          ctx,
          Problem.of(503, "Service Unavailable", service + " is busy; try again.", null),
          Map.of("Retry-After", "1"));
    } else if (failure instanceof DownstreamException) {
      problems.write(ctx, 502, "Bad Gateway", service + " is not reachable.");
    } else {
      ctx.fail(failure);
    }
  }

  private void failed(RoutingContext ctx) {
    int status = ctx.statusCode();
    if (ctx.failure() instanceof AuthenticationException) {
      // Quarkus fails the route itself when the token cannot be verified.
      FrontDoor.Rejection rejection = FrontDoor.unauthenticated(ctx.request().path());
      problems.write(ctx, rejection.problem(), rejection.headers());
    } else if (status == 413) {
      problems.write(
          ctx, 413, "Content Too Large", "The request body is larger than this route accepts.");
    } else if (status > 0 && status < 500) {
      problems.write(ctx, status, "Request refused", "The request could not be routed.");
    } else {
      String errorId = UUID.randomUUID().toString();
      LOG.errorf(ctx.failure(), "Routing failed, error %s on %s", errorId, ctx.request().path());
      problems.write(
          ctx,
          500,
          "Internal Server Error",
          "The request could not be routed. Quote error id " + errorId + " when reporting it.");
    }
  }
}
