package org.mpjbench.lineserver;

/**
 * A token bucket: holds at most {@code burst} tokens, starts full, and gains {@code ratePerSecond}
 * tokens per second; each admitted request takes one whole token. The caller passes the time
 * ({@link System#nanoTime()} in the server, made-up times in tests). One per connection; not
 * thread-safe.
 */
final class TokenBucket {
  /** Rounding slack: ten refills of 0.1 token must make one token, not 0.9999999999999999. */
  private static final double EPSILON = 1e-9;

  private final double ratePerNano;
  private final int burst;
  private double tokens;
  private long lastNanos;

  /** A full bucket at time {@code nowNanos}. */
  TokenBucket(double ratePerSecond, int burst, long nowNanos) {
    if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond)) {
      throw new IllegalArgumentException("ratePerSecond must be > 0, got " + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.lastNanos = nowNanos;
  }

  /** Takes one token if there is a whole one at {@code nowNanos}; false leaves the bucket as is. */
  boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens < 1 - EPSILON) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** The tokens in the bucket at {@code nowNanos} (fractions included). */
  double tokens(long nowNanos) {
    refill(nowNanos);
    return tokens;
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - lastNanos;
    if (elapsed > 0) {
      // Capped first: a long-idle connection gets a full bucket, never more.
      tokens = Math.min(burst, tokens + elapsed * ratePerNano);
      lastNanos = nowNanos;
    }
  }
}
