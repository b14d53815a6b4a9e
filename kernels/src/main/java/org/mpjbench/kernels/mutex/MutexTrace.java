package org.mpjbench.kernels.mutex;

import java.util.Arrays;
import org.mpjbench.kernels.spi.Latencies;

/**
 * What rank 0 gathers after the loop: every rank's critical-section intervals, waiting times and
 * message counts.
 *
 * @param intervalsByRank rank r's {@code [enter0, exit0, enter1, exit1, ...]} on the host's
 *     monotonic clock (nanoseconds)
 * @param waitNanosByRank rank r's waiting time per entry: from asking to entering
 * @param messagesByRank algorithm messages each rank sent
 * @param extraByRank the algorithm's own figure per rank ({@link MutexProtocol#extraFigure()})
 * @param elapsedNanos rank 0's time from the start of the loop to the end of the gather
 */
public record MutexTrace(
    long[][] intervalsByRank,
    long[][] waitNanosByRank,
    long[] messagesByRank,
    long[] extraByRank,
    long elapsedNanos) {

  /** Messages of all ranks. */
  public long messages() {
    long sum = 0;
    for (long m : messagesByRank) {
      sum += m;
    }
    return sum;
  }

  /** Sum of the extra figures of all ranks. */
  public long extraTotal() {
    long sum = 0;
    for (long m : extraByRank) {
      sum += m;
    }
    return sum;
  }

  /** Entries completed by all ranks. */
  public long entries() {
    long sum = 0;
    for (long[] intervals : intervalsByRank) {
      sum += intervals.length / 2;
    }
    return sum;
  }

  /**
   * P50, P90, P99 and max of the waits from asking to entering, over every entry of every rank:
   * the same waits as {@link MutexFigures#medianWaitNanos()}.
   */
  public Latencies waitLatencies() {
    return Latencies.of(
        Arrays.stream(waitNanosByRank).flatMapToLong(Arrays::stream).toArray());
  }
}
