package org.lernstadt.gateway.limits;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.lernstadt.platform.web.Problem;

/**
 * What every request passes before the gateway does anything for it: a bearer token, if sent, must
 * be valid (a malformed or foreign token never reaches a service), and the caller must be within
 * its rate limit.
 */
@ApplicationScoped
public class FrontDoor {

  /** Why a request was turned away: the problem to answer and headers to add. */
  public record Rejection(Problem problem, Map<String, String> headers) {}

  private final RateLimiter limiter;

  FrontDoor(RateLimiter limiter) {
    this.limiter = limiter;
  }

  /**
   * Admits the request or says why not.
   *
   * @param identity the caller's identity, resolved lazily (fails for an invalid token)
   * @return null when admitted
   */
  public Uni<Rejection> admit(HttpServerRequest request, Uni<SecurityIdentity> identity) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      return Uni.createFrom().item(limit(request, null));
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || identity == null) {
      return Uni.createFrom().item(unauthenticated(request.path()));
    }
    return identity
        .map(
            caller ->
                caller.isAnonymous() ? unauthenticated(request.path()) : limit(request, caller))
        .onFailure()
        .recoverWithItem(() -> unauthenticated(request.path()));
  }

  private Rejection limit(HttpServerRequest request, SecurityIdentity caller) {
    HttpMethod method = request.method();
    boolean write =
        !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
    String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    RateLimiter.Refusal refusal =
        limiter.take(caller == null ? null : caller.getPrincipal().getName(), ip, write);
    if (refusal == null) {
      return null;
    }
    return new Rejection(
        Problem.of(
                429,
                "Too Many Requests",
                "More than "
                    + refusal.limitPerMinute()
                    + (write ? " writes" : " reads")
                    + " per minute; try again in "
                    + refusal.retryAfterSeconds()
                    + " s.",
                null)
            .withInstance(request.path()),
        Map.of("Retry-After", String.valueOf(refusal.retryAfterSeconds())));
  }

  /** The answer to a request whose bearer token is not valid here. */
  public static Rejection unauthenticated(String path) {
    return new Rejection(
        Problem.of(
                401,
                "Unauthorized",
                "The bearer token is not valid here (malformed, expired, wrongly signed or for"
                    + " another audience).",
                null)
            .withInstance(path),
        Map.of("WWW-Authenticate", "Bearer"));
  }
}
