package org.lernstadt.participation.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per citizen, kind of write and dialogue, in memory: a burst of spam is refused with
 * 429 and the time after which one more write is allowed. Kept per dialogue so a citizen active in
 * several dialogues is not throttled by the sum. Per instance: behind a load balancer with n
 * instances a citizen gets at most n times the burst, which still stops a flood.
 */
@ApplicationScoped
public class RateLimiter {

  /** The kinds of write that are limited. */
  public enum Kind {
    CONTRIBUTION,
    COMMENT,
    REPORT
  }

  /** Buckets that were full for this long are dropped, so the map stays small. */
  private static final int CLEAN_UP_ABOVE = 100_000;

  @Inject RateLimits limits;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** Takes one token for the citizen's write, or refuses with {@link TooManyRequestsException}. */
  public void acquire(Kind kind, String subject, UUID dialogueId) {
    int burst = burst(kind);
    long refillNanos = refill(kind).toNanos();
    long now = System.nanoTime();
    if (buckets.size() > CLEAN_UP_ABOVE) {
      buckets.values().removeIf(b -> b.isFull(now, burst, refillNanos));
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            kind + "|" + subject + "|" + dialogueId, k -> new Bucket(burst, now));
    long waitNanos = bucket.take(now, burst, refillNanos);
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      throw new TooManyRequestsException(kind, seconds);
    }
  }

  private int burst(Kind kind) {
    return switch (kind) {
      case CONTRIBUTION -> limits.contributionBurst();
      case COMMENT -> limits.commentBurst();
      case REPORT -> limits.reportBurst();
    };
  }

  private Duration refill(Kind kind) {
    return switch (kind) {
      case CONTRIBUTION -> limits.contributionRefill();
      case COMMENT -> limits.commentRefill();
      case REPORT -> limits.reportRefill();
    };
  }

  private static final class Bucket {
    private double tokens;
    private long updated;

    Bucket(int burst, long now) {
      this.tokens = burst;
      this.updated = now;
    }

    /** Takes a token: 0 if taken, else the nanoseconds until one is there. */
    synchronized long take(long now, int burst, long refillNanos) {
      refillTo(now, burst, refillNanos);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) ((1 - tokens) * refillNanos);
    }

    synchronized boolean isFull(long now, int burst, long refillNanos) {
      refillTo(now, burst, refillNanos);
      return tokens >= burst;
    }

    private void refillTo(long now, int burst, long refillNanos) {
      tokens = Math.min(burst, tokens + (double) (now - updated) / refillNanos);
      updated = now;
    }
  }
}
