package org.mpjbench.kernels.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.clock.TimeServerCheck.ClientMeasurement;

/**
 * {@link TimeServerCheck} on good and bad traces, with the two promises of the time-server kernels:
 * half the round trip (Cristian's) and the whole round trip (the centralized one).
 */
class TimeServerCheckTest {
  private static final TimeServerCheck.Promise HALF = new TimeServerCheck.Promise("half", 2,
      "half its shortest round trip (%d ns / 2)", "min RTT / 2");
  private static final TimeServerCheck.Promise WHOLE = new TimeServerCheck.Promise("whole", 1,
      "its round trip (%d ns)", "RTT");
  private static final long SYNC = 1_000_000_000L;
  private static final long MEASURE = SYNC + 2_000_000L;

  private static ClientMeasurement client(int rank, long roundTripNanos, long trueErrorNanos) {
    return new ClientMeasurement(rank, roundTripNanos, SYNC, MEASURE, trueErrorNanos);
  }

  @Test
  void clientsWithinTheirBoundHoldNamingTheTightestAndTheSignedMean() {
    PropertyCheck half = TimeServerCheck.check(HALF, 500, MEASURE,
        List.of(client(1, 80_000, 500 + 39_000), client(2, 60_000, 500 - 29_000)), 20);
    assertTrue(half.holds(), half.detail());
    assertEquals("2 client(s) within min RTT / 2 + drift allowance; the tightest, rank 2, with"
        + " 1087 ns to spare; mean error 5.00 µs", half.detail());
    assertEquals(half, half.requireHolds());
    PropertyCheck whole = TimeServerCheck.check(WHOLE, 500, MEASURE,
        List.of(client(1, 80_000, 500 - 70_000), client(2, 60_000, 500 - 59_000)), 20);
    assertTrue(whole.holds(), whole.detail());
    assertTrue(whole.detail().contains("within RTT + drift allowance; the tightest, rank 2"),
        whole.detail());
    assertTrue(whole.detail().contains("mean error -64.5 µs"), whole.detail());
  }

  @Test
  void aClientBeyondItsBoundIsAViolationWhicheverTheSign() {
    PropertyCheck behind = TimeServerCheck.check(HALF, 0, MEASURE,
        List.of(client(1, 80_000, 10_000), client(2, 60_000, -45_000)), 20);
    assertFalse(behind.holds());
    assertEquals("rank 2 is -45000 ns off the server's clock after the sync, more than half its"
        + " shortest round trip (60000 ns / 2) plus the drift allowance 87 ns = 30087 ns",
        behind.detail());
    assertThrows(PropertyCheck.ViolationException.class, behind::requireHolds);
    assertFalse(TimeServerCheck.check(WHOLE, 1_000, MEASURE,
        List.of(client(3, 60_000, 1_000 + 61_000)), 20).holds(), "ahead");
  }

  @Test
  void theBoundIsTheShareOfTheRoundTripPlusTheDriftAllowance() {
    // 20 ppm over 2 ms (client) + 2 ms (server) + 2 x 60 us = 82.4 ns, +4 ns rounding.
    ClientMeasurement measured = client(1, 60_000, 0);
    assertEquals(87, TimeServerCheck.allowanceNanos(measured, MEASURE, 20));
    assertEquals(4, TimeServerCheck.allowanceNanos(measured, MEASURE, 0));
    assertEquals(30_087, TimeServerCheck.boundNanos(HALF, measured, MEASURE, 20));
    assertEquals(60_087, TimeServerCheck.boundNanos(WHOLE, measured, MEASURE, 20));
    assertTrue(TimeServerCheck.check(HALF, 0, MEASURE, List.of(client(1, 60_000, 30_087)), 20)
        .holds());
    assertFalse(TimeServerCheck.check(HALF, 0, MEASURE, List.of(client(1, 60_000, 30_088)), 20)
        .holds());
    assertTrue(TimeServerCheck.check(WHOLE, 0, MEASURE, List.of(client(1, 60_000, -60_087)), 20)
        .holds());
    assertFalse(TimeServerCheck.check(WHOLE, 0, MEASURE,
        List.of(client(1, 60_000, -60_088)), 20).holds());
  }

  @Test
  void oneRankHoldsVacuouslyAndSaysSo() {
    PropertyCheck check = TimeServerCheck.check(WHOLE, 123, MEASURE, List.of(), 20);
    assertTrue(check.holds());
    assertTrue(check.detail().contains("vacuously"), check.detail());
  }
}
