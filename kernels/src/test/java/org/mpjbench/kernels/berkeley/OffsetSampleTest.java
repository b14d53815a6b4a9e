package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link OffsetSample}: Cristian's estimate from one poll exchange and the choice of the
 * most trustworthy sample (shortest round trip) among several.
 */
class OffsetSampleTest {

  /**
   * Simulates one exchange: the master sends at {@code masterSendNanos} (master clock), the poll
   * takes {@code requestDelayNanos} to arrive, the slave (whose clock is {@code trueOffsetNanos}
   * ahead of the master) reads its clock at once, and the reply takes {@code replyDelayNanos}.
   */
  private static OffsetSample exchange(
      long masterSendNanos, long trueOffsetNanos, long requestDelayNanos, long replyDelayNanos) {
    long slaveReadingNanos = masterSendNanos + requestDelayNanos + trueOffsetNanos;
    long masterReceiveNanos = masterSendNanos + requestDelayNanos + replyDelayNanos;
    return OffsetSample.fromExchange(masterSendNanos, slaveReadingNanos, masterReceiveNanos);
  }

  @ParameterizedTest(name = "offset {1} ns, delay {2} ns each way")
  @CsvSource({
    "0, 0, 0",
    "1000, 0, 500",
    "1000000, 250000, 40000",
    "1000000, -250000, 40000",
    "-7000000000, 3000000000, 123456",
    "5000000000, 10000000000, 1",
  })
  void symmetricDelaysGiveTheExactOffset(
      long masterSendNanos, long trueOffsetNanos, long oneWayDelayNanos) {
    OffsetSample sample =
        exchange(masterSendNanos, trueOffsetNanos, oneWayDelayNanos, oneWayDelayNanos);

    assertEquals(trueOffsetNanos, sample.offsetNanos());
    assertEquals(2 * oneWayDelayNanos, sample.roundTripNanos());
  }

  @ParameterizedTest(name = "request {1} ns, reply {2} ns")
  @CsvSource({
    "250000, 0, 1000",
    "250000, 1000, 0",
    "-40000, 900, 100",
    "-40000, 100, 900",
    "0, 1, 0",
    "0, 0, 1",
    "0, 7, 3",
    "123456789, 0, 1000000",
  })
  void asymmetricDelaysGiveAnErrorBoundedByHalfTheRoundTrip(
      long trueOffsetNanos, long requestDelayNanos, long replyDelayNanos) {
    OffsetSample sample = exchange(1_000_000L, trueOffsetNanos, requestDelayNanos, replyDelayNanos);

    long roundTripNanos = requestDelayNanos + replyDelayNanos;
    assertEquals(roundTripNanos, sample.roundTripNanos());
    long errorNanos = Math.abs(sample.offsetNanos() - trueOffsetNanos);
    // Half the round trip, rounded up: an odd round trip has its midpoint between two
    // nanoseconds, and an integer estimate cannot be closer than that half nanosecond.
    long halfRoundTripCeilNanos = (roundTripNanos + 1) / 2;
    assertTrue(
        errorNanos <= halfRoundTripCeilNanos,
        "error " + errorNanos + " ns exceeds half the round trip of " + roundTripNanos + " ns");
  }

  @Test
  void asymmetricDelayErrorIsHalfTheDelayDifference() {
    // The poll takes 900 ns, the reply 100 ns: the reading is taken 400 ns after the midpoint.
    OffsetSample sample = exchange(0, 5_000, 900, 100);

    assertEquals(1_000, sample.roundTripNanos());
    assertEquals(5_000 + 400, sample.offsetNanos());
  }

  @Test
  void zeroRoundTripIsAccepted() {
    OffsetSample sample = OffsetSample.fromExchange(10, 25, 10);

    assertEquals(0, sample.roundTripNanos());
    assertEquals(15, sample.offsetNanos());
  }

  @Test
  void fromExchangeRejectsAReplyReceivedBeforeThePollWasSent() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> OffsetSample.fromExchange(1_000, 0, 995));

    assertTrue(e.getMessage().contains("-5 ns"), e.getMessage());
    assertTrue(e.getMessage().contains("before the poll was sent"), e.getMessage());
  }

  @Test
  void constructorRejectsANegativeRoundTrip() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new OffsetSample(-1, 0));

    assertTrue(e.getMessage().contains("negative round trip"), e.getMessage());
  }

  @Test
  void bestPicksTheShortestRoundTrip() {
    OffsetSample slow = new OffsetSample(9_000, 100);
    OffsetSample fastest = new OffsetSample(1_000, 200);
    OffsetSample medium = new OffsetSample(4_000, 300);

    assertSame(fastest, OffsetSample.best(List.of(slow, fastest, medium)));
    assertSame(fastest, OffsetSample.best(List.of(fastest, slow, medium)));
    assertSame(fastest, OffsetSample.best(List.of(slow, medium, fastest)));
  }

  @Test
  void bestKeepsTheFirstOfEqualRoundTrips() {
    OffsetSample slow = new OffsetSample(5_000, 1);
    OffsetSample first = new OffsetSample(2_000, 2);
    OffsetSample second = new OffsetSample(2_000, 3);
    OffsetSample third = new OffsetSample(2_000, 4);

    assertSame(first, OffsetSample.best(List.of(slow, first, second, third)));
    assertSame(third, OffsetSample.best(List.of(third, second, first)));
  }

  @Test
  void bestOfASingleSampleIsThatSample() {
    OffsetSample only = new OffsetSample(42, -7);

    assertSame(only, OffsetSample.best(List.of(only)));
  }

  @Test
  void bestRejectsAnEmptyList() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OffsetSample.best(List.of()));

    assertTrue(e.getMessage().contains("no samples"), e.getMessage());
  }

  /**
   * Four timestamps: the slave's time between receiving and replying (here 30 µs, as if it were
   * preempted) neither biases the offset nor counts in the round trip.
   */
  @ParameterizedTest(name = "offset {0} ns, delays {1}/{2} ns, slave busy {3} ns")
  @CsvSource({
    "0, 5000, 5000, 0",
    "1000000, 5000, 5000, 30000",
    "-250000, 8000, 8000, 30000",
    "3000000000, 10000, 20000, 30000",
  })
  void fourTimestampsLeaveOutTheSlavesOwnTime(
      long trueOffset, long requestDelay, long replyDelay, long atSlave) {
    long t1 = 1_000_000;
    long t2 = t1 + requestDelay + trueOffset;
    long t3 = t2 + atSlave;
    long t4 = t1 + requestDelay + atSlave + replyDelay;
    OffsetSample sample = OffsetSample.fromExchange(t1, t2, t3, t4);
    assertEquals(requestDelay + replyDelay, sample.roundTripNanos());
    assertEquals(trueOffset + (requestDelay - replyDelay) / 2, sample.offsetNanos());
  }

  @Test
  void fourTimestampsRejectAClockGoingBack() {
    assertThrows(IllegalArgumentException.class, () -> OffsetSample.fromExchange(10, 5, 4, 20));
    assertThrows(IllegalArgumentException.class, () -> OffsetSample.fromExchange(10, 5, 6, 9));
  }
}
