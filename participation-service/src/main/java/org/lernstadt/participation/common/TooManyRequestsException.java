package org.lernstadt.participation.common;

/** A citizen wrote faster than the rate limit allows: 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

  private final long retryAfterSeconds;

  public TooManyRequestsException(RateLimiter.Kind kind, long retryAfterSeconds) {
    super(
        "Too many "
            + kind.name().toLowerCase(java.util.Locale.ROOT)
            + "s in a short time; try again in "
            + retryAfterSeconds
            + " s.");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
