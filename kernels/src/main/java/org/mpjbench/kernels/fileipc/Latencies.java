package org.mpjbench.kernels.fileipc;

import java.util.Arrays;
import org.mpjbench.kernels.spi.Figures;

/**
 * Percentiles of a set of latencies: the median as {@link Figures#medianNanos} computes it (so
 * that the kernel's median and the sweep's agree), P90 and P99 by nearest rank, and the maximum.
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

  /** The value at {@code percent} by nearest rank: the smallest with that share at or below. */
  static long nearestRank(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }
}
