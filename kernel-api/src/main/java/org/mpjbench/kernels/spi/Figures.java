package org.mpjbench.kernels.spi;

import java.util.Arrays;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * One complete run's figures in the terms every kernel shares, read from its typed result.
 *
 * @param check the correctness property's verdict; null when the kernel checks none
 * @param messages MPI messages the algorithm sent, as the kernel counted them; null when it does
 *     not count them
 * @param operations how many operations the run made ({@link FigureMeaning#operation()})
 * @param medianLatencyNanos the median latency of one operation; null when it has none
 * @param operationsPerSecond operations per second, where the kernel times them; else null
 * @param baselineRoundTripNanos the MPI ping-pong measured in the same run; null when none
 * @param headline the kernel's own figures in one line, e.g. "coordinator 2 known to every ..."
 * @param latency the distribution of the operations' latencies (P50, P90, P99, max), from the
 *     same operations as the median; null when the kernel does not report it
 */
public record Figures(PropertyCheck check, Long messages, long operations,
    Long medianLatencyNanos, Double operationsPerSecond, Long baselineRoundTripNanos,
    String headline, Latencies latency) {

  /** The figures of a kernel that reports no latency distribution, only its median. */
  public Figures(PropertyCheck check, Long messages, long operations, Long medianLatencyNanos,
      Double operationsPerSecond, Long baselineRoundTripNanos, String headline) {
    this(check, messages, operations, medianLatencyNanos, operationsPerSecond,
        baselineRoundTripNanos, headline, null);
  }

  /**
   * The median of {@code valuesNanos} for {@code medianLatencyNanos}: the mean of the middle two
   * (rounded) for an even count, null for none. Computed in doubles, as the sweep's medians are,
   * so that a kernel's figure and the sweep's agree.
   */
  public static Long medianNanos(long[] valuesNanos) {
    double[] sorted = Arrays.stream(valuesNanos).asDoubleStream().sorted().toArray();
    int n = sorted.length;
    if (n == 0) {
      return null;
    }
    return Math.round(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
  }
}
