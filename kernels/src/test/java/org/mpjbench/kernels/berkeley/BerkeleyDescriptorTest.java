package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link BerkeleyDescriptor}: its figures and the summary's round lines. */
class BerkeleyDescriptorTest {
  private final BerkeleyDescriptor kernel = new BerkeleyDescriptor();

  private static BerkeleyRound round(int number, long durationNanos) {
    long[] three = new long[3];
    return new BerkeleyRound(number, durationNanos, three, three, 0, 0, List.of(), three, three,
        three, three, 784);
  }

  private static BerkeleyResult result(Latencies latency) {
    return new BerkeleyResult(new long[3], 20_000,
        List.of(round(1, 1_000_000), round(2, 2_000_000), round(3, 9_000_000)),
        new BerkeleyResult.Summary(27_000_000, 784, List.of(), List.of(), 2_000_000, 250.0,
            100.0, 1_500),
        latency);
  }

  @Test
  void figuresCarryTheRoundsDistribution() {
    Latencies latency = new Latencies(2_000_000, 9_000_000, 9_000_000, 9_000_000);
    Figures f = kernel.figures(result(latency), 3);
    assertEquals(3, f.operations());
    assertEquals(2_000_000L, f.medianLatencyNanos());
    assertEquals(latency, f.latency());
    assertEquals("final skew 784 ns", f.headline());
    assertNull(kernel.figures(result(null), 3).latency(), "a result file from before it");
  }

  @Test
  void theSummaryShowsTheTailBelowTheMedian() {
    List<String> lines = kernel.summary(BerkeleyParameters.DEFAULTS,
        result(new Latencies(2_000_000, 9_000_000, 9_000_000, 9_000_000)),
        new RunInfo(3, "multicore", 1.234));
    assertEquals(List.of(
        "  round         median 2.00 ms = 100.0 MPI round trips of 20.0 µs; 250 rounds/s",
        "  round times   P50 2.00 ms, P90 9.00 ms, P99 9.00 ms, max 9.00 ms"),
        lines.subList(lines.size() - 2, lines.size()));
    List<String> old = kernel.summary(BerkeleyParameters.DEFAULTS, result(null),
        new RunInfo(3, "multicore", 1.234));
    assertEquals(lines.size() - 1, old.size(), "no distribution, no line");
  }

  private static BerkeleyRound skewRound(int number, long skewNanos) {
    long[] three = new long[3];
    return new BerkeleyRound(number, 1_000_000, three, three, 0, 0, List.of(), three, three,
        three, three, skewNanos);
  }

  /** Rounds 1-2 of 10 are the convergence; rounds 3-10 have skews 1..8 µs (round 10: 8 µs). */
  @Test
  void theSkewAfterConvergenceLeavesOutTheFirstFifth() {
    java.util.List<BerkeleyRound> rounds = new java.util.ArrayList<>();
    rounds.add(skewRound(1, 27_000_000));
    rounds.add(skewRound(2, 500_000));
    for (int round = 3; round <= 10; round++) {
      rounds.add(skewRound(round, (round - 2) * 1_000L));
    }
    BerkeleyResult result = new BerkeleyResult(new long[3], 20_000, rounds,
        new BerkeleyResult.Summary(27_000_000, 8_000, List.of(), List.of(), 1_000_000, 1000.0,
            50.0, 1_500), null);
    assertEquals(3, BerkeleyDescriptor.firstConvergedRound(10));
    assertEquals(21, BerkeleyDescriptor.firstConvergedRound(100));
    assertEquals(1, BerkeleyDescriptor.firstConvergedRound(4));
    assertEquals(new Latencies(4_500, 8_000, 8_000, 8_000),
        BerkeleyDescriptor.skewAfterConvergence(result));
    List<String> lines = kernel.summary(BerkeleyParameters.DEFAULTS, result,
        new RunInfo(3, "multicore", 1.0));
    assertEquals(
        "  per-round skew after round 2: P50 4.50 µs, P90 8.00 µs, P99 8.00 µs, max 8.00 µs",
        lines.get(2));
  }
}
