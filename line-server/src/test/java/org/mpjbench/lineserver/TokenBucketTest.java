package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of {@link TokenBucket} with made-up times: a full start, refill at the rate, the cap. */
class TokenBucketTest {
  private static final long MS = 1_000_000L;
  private static final long T0 = 123_456_789L; // nanoTime is arbitrary, not 0

  private static int takeAll(TokenBucket bucket, long now, int attempts) {
    int taken = 0;
    for (int i = 0; i < attempts; i++) {
      taken += bucket.tryTake(now) ? 1 : 0;
    }
    return taken;
  }

  @Test
  void startsFullWithTheBurst() {
    TokenBucket bucket = new TokenBucket(50, 5, T0);
    assertEquals(5, takeAll(bucket, T0, 20));
    assertFalse(bucket.tryTake(T0));
  }

  @Test
  void refillsAtTheRate() {
    TokenBucket bucket = new TokenBucket(50, 5, T0);
    takeAll(bucket, T0, 5);

    assertFalse(bucket.tryTake(T0 + 19 * MS), "0.95 tokens after 19 ms at 50/s");
    assertTrue(bucket.tryTake(T0 + 20 * MS), "one token after 20 ms");
    assertEquals(3, takeAll(bucket, T0 + 80 * MS, 20), "3 more in the next 60 ms");
  }

  @Test
  void neverHoldsMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(50, 5, T0);
    assertEquals(5, takeAll(bucket, T0 + 3_600_000 * MS, 100), "an hour idle: still 5");
    assertEquals(5.0, new TokenBucket(1000, 5, T0).tokens(T0 + 1000 * MS));
  }

  @Test
  void fractionsAccumulate() {
    TokenBucket bucket = new TokenBucket(10, 1, T0);
    assertTrue(bucket.tryTake(T0));
    long now = T0;
    for (int i = 0; i < 9; i++) {
      now += 10 * MS; // 0.1 token each
      assertFalse(bucket.tryTake(now));
    }
    assertTrue(bucket.tryTake(now + 10 * MS));
  }

  @Test
  void timeGoingBackwardsAddsNothing() {
    TokenBucket bucket = new TokenBucket(50, 1, T0);
    assertTrue(bucket.tryTake(T0));
    assertFalse(bucket.tryTake(T0 - 1000 * MS));
    assertFalse(bucket.tryTake(T0 + 10 * MS));
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, T0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 1, T0));
    assertThrows(IllegalArgumentException.class,
        () -> new TokenBucket(Double.POSITIVE_INFINITY, 1, T0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0, T0));
  }
}
