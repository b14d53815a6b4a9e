package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The pacing against a token bucket, driven by a simulated bucket: the schedule must take every
 * token the server grants and waste few requests.
 */
class PacingScheduleTest {
  private static final long PERIOD_NANOS = 4_000_000; // 250 requests per second

  /** A fresh schedule of burst 5 for each test (JUnit makes one instance per test). */
  private final PacingSchedule schedule = new PacingSchedule(PERIOD_NANOS, 5);

  /**
   * Brings {@link #schedule} onto the grid: refused at 0, so paced, then its next send accepted.
   *
   * @return the time of that send
   */
  private long pacedFirstSendAccepted() {
    schedule.declined(0);
    long first = schedule.nextSendNanos(0);
    schedule.accepted(first);
    return first;
  }

  @Test
  void drainsTheBurstBackToBackThenPacesAfterTheFirstRefusal() {
    assertFalse(schedule.isPaced());
    assertEquals(1_000, schedule.nextSendNanos(1_000));
    schedule.accepted(1_000);
    assertEquals(2_000, schedule.nextSendNanos(2_000), "no waiting while the burst lasts");
    schedule.declined(3_000);
    assertTrue(schedule.isPaced());
    assertEquals(3_000 + PERIOD_NANOS + PERIOD_NANOS / 8, schedule.nextSendNanos(3_000));
  }

  @Test
  void onTheGridTheNextRequestIsOnePeriodLater() {
    long first = pacedFirstSendAccepted();
    assertEquals(first + PERIOD_NANOS, schedule.nextSendNanos(first + 100_000));
  }

  @Test
  void catchesUpAtMostTheBurstAfterFallingBehind() {
    long first = pacedFirstSendAccepted();
    long late = first + 100 * PERIOD_NANOS; // a long stall
    assertEquals(late, schedule.nextSendNanos(late), "behind the grid: send at once");
    schedule.accepted(late);
    // Only B = 5 periods of catch-up remain owed, not 100.
    long now = late + 1;
    int immediate = 0;
    while (schedule.nextSendNanos(now) == now && immediate < 100) {
      schedule.accepted(now);
      immediate++;
    }
    assertEquals(4, immediate, "after the send that emptied one of the 5 tokens, 4 remain");
  }

  @Test
  void aRefusalOnTheGridRetriesAfterTheMarginOnly() {
    pacedFirstSendAccepted();
    schedule.declined(10_000_000);
    assertEquals(10_000_000 + PERIOD_NANOS / 8, schedule.nextSendNanos(10_000_000));
  }

  @Test
  void againstASimulatedTokenBucketItUsesNearlyEveryToken() {
    // A server bucket: rate 1/PERIOD, burst 5, starting full; requests take 50 µs to answer.
    double tokens = 5;
    long bucketTime = 0;
    long now = 0;
    long accepted = 0;
    long declined = 0;
    long endNanos = 10_000_000_000L; // 10 s
    java.util.SplittableRandom jitter = new java.util.SplittableRandom(7);
    while (now < endNanos) {
      now = schedule.nextSendNanos(now) + jitter.nextLong(200_000); // up to 0.2 ms late
      tokens = Math.min(5, tokens + (now - bucketTime) / (double) PERIOD_NANOS);
      bucketTime = now;
      long sent = now;
      now += 50_000;
      if (tokens >= 1) {
        tokens -= 1;
        accepted++;
        schedule.accepted(sent);
      } else {
        declined++;
        schedule.declined(now);
      }
    }
    double ideal = 5 + endNanos / (double) PERIOD_NANOS; // burst + one per period
    assertTrue(accepted >= 0.97 * ideal, "accepted " + accepted + " of an ideal " + ideal);
    assertTrue(declined <= accepted / 10, "declined " + declined + " for " + accepted);
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new PacingSchedule(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new PacingSchedule(1, 0));
  }
}
