package org.lernstadt.gateway.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lernstadt.gateway.GatewayConfig;

/**
 * Token buckets per client and kind of request: a client may use its whole minute at once, then
 * gets one request back every (60 s / limit). Kept in this instance's memory: with N gateway
 * instances behind a load balancer a client gets at most N times the limit.
 */
@ApplicationScoped
public class RateLimiter {

  /** A request was refused; the client may try again after this many seconds. */
  public record Refusal(int limitPerMinute, long retryAfterSeconds) {}

  private final GatewayConfig.RateLimit config;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(GatewayConfig config) {
    this.config = config.rateLimit();
  }

  /**
   * Takes one request from the client's bucket.
   *
   * @param client the token subject, or null for an anonymous caller
   * @param ip the caller's address, used for anonymous callers
   * @return null when the request may pass
   */
  public Refusal take(String client, String ip, boolean write) {
    if (!config.enabled()) {
      return null;
    }
    boolean anonymous = client == null;
    int limit =
        anonymous
            ? (write ? config.anonymousWritesPerMinute() : config.anonymousReadsPerMinute())
            : (write ? config.writesPerMinute() : config.readsPerMinute());
    String key = (write ? "w:" : "r:") + (anonymous ? "ip:" + ip : "sub:" + client);
    if (buckets.size() >= config.maxTrackedClients()) {
      forgetIdle();
    }
    long waitNanos = buckets.computeIfAbsent(key, k -> new Bucket(limit)).take(System.nanoTime());
    return waitNanos == 0
        ? null
        : new Refusal(limit, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
  }

  /** Drops the buckets that are full again: their clients have been quiet for a minute. */
  private void forgetIdle() {
    long now = System.nanoTime();
    buckets.values().removeIf(bucket -> bucket.fullAt(now));
  }

  private static final class Bucket {
    private final int capacity;
    private final long nanosPerToken;
    private double tokens;
    private long updated;

    Bucket(int perMinute) {
      this.capacity = perMinute;
      this.nanosPerToken = 60_000_000_000L / perMinute;
      this.tokens = perMinute;
      this.updated = System.nanoTime();
    }

    /** Returns 0 when a token was taken, else the nanoseconds until the next one. */
    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) ((1 - tokens) * nanosPerToken);
    }

    synchronized boolean fullAt(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (double) (now - updated) / nanosPerToken);
      updated = now;
    }
  }
}
