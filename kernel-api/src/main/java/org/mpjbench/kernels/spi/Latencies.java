package org.mpjbench.kernels.spi;

import java.util.Arrays;

/**
 * The distribution of a run's per-operation latencies (a Berkeley round, a sync, an election, a
 * critical-section wait, a call, an exchange, a record): the median as {@link
 * Figures#medianNanos} computes it (so that the kernel's median and the sweep's agree), P90 and
 * P99 by nearest rank, and the maximum. A median alone hides the tail that preemption, garbage
 * collection or a filesystem's flush puts on a few operations; these are the figures the MPI
 * benchmark suites report beside it (OSU's {@code -z}).
 *
 * @param p50Nanos median
 * @param p90Nanos 90th percentile
 * @param p99Nanos 99th percentile
 * @param maxNanos largest
 */
public record Latencies(long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos) {
  /** No latency measured. */
  public static final Latencies NONE = new Latencies(0, 0, 0, 0);

  /** The percentiles of {@code valuesNanos}; {@link #NONE} for none. */
  public static Latencies of(long[] valuesNanos) {
    if (valuesNanos.length == 0) {
      return NONE;
    }
    long[] sorted = valuesNanos.clone();
    Arrays.sort(sorted);
    return new Latencies(Figures.medianNanos(sorted), nearestRank(sorted, 90),
        nearestRank(sorted, 99), sorted[sorted.length - 1]);
  }

  /**
   * The value at {@code percent} of {@code sorted} (ascending, not empty) by nearest rank: the
   * smallest value with that share of the values at or below it.
   */
  public static long nearestRank(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
