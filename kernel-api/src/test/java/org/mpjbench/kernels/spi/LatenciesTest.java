package org.mpjbench.kernels.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Latencies}: nearest-rank percentiles beside the sweep's median. */
class LatenciesTest {
  @Test
  void percentilesAreNearestRankWithTheSweepsMedian() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 1..100, reversed
    }
    assertEquals(new Latencies(51, 90, 99, 100), Latencies.of(values), "median of 50 and 51");
    assertEquals(new Latencies(7, 7, 7, 7), Latencies.of(new long[] {7}));
    assertEquals(Latencies.NONE, Latencies.of(new long[0]));
    assertEquals(3, Latencies.nearestRank(new long[] {1, 2, 3}, 90));
  }

  @Test
  void aFewSlowOperationsShowInTheTailNotInTheMedian() {
    long[] values = new long[1000];
    java.util.Arrays.fill(values, 10_000);
    for (int i = 0; i < 15; i++) {
      values[i * 60] = 5_000_000; // 1.5 %: above P99's share, far below P90's
    }
    Latencies l = Latencies.of(values);
    assertEquals(10_000, l.p50Nanos());
    assertEquals(10_000, l.p90Nanos());
    assertEquals(5_000_000, l.p99Nanos());
    assertEquals(5_000_000, l.maxNanos());
  }
}
