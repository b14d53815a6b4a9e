package org.mpjbench.benchmarks;

import java.util.List;
import java.util.Set;
import org.mpjbench.kernels.download.DownloadParameters;

/**
 * What the launcher asks of one JMH run on K ranks.
 *
 * @param benchmarks which benchmarks to run: berkeley-round, download, ping-pong, allreduce
 * @param device the MPJ device, recorded as a JMH parameter
 * @param warmupIterations JMH warm-up iterations per benchmark
 * @param measurementIterations JMH measured iterations per benchmark
 * @param iterationMillis length of each iteration
 * @param berkeleyToleranceUs the Berkeley tolerance (a deliberately tiny one breaks the check)
 * @param berkeleySkewBoundUs the largest true skew the Berkeley check accepts after a trial
 * @param downloadLines lines of the download benchmark's file
 * @param downloadRatePerSecond the line server's rate per connection in the download benchmark
 * @param serverHost the address rank 0's line server binds to and the ranks connect to
 */
public record BenchParameters(
    List<String> benchmarks,
    String device,
    int warmupIterations,
    int measurementIterations,
    long iterationMillis,
    double berkeleyToleranceUs,
    double berkeleySkewBoundUs,
    int downloadLines,
    double downloadRatePerSecond,
    String serverHost) {

  /** Every benchmark, in the order they run. */
  public static final List<String> ALL = List.of("berkeley-round", "download", "ping-pong",
      "allreduce");

  /** Checks the values; the message names the option at fault. */
  public BenchParameters {
    benchmarks = List.copyOf(benchmarks);
    if (benchmarks.isEmpty() || !Set.copyOf(ALL).containsAll(benchmarks)) {
      throw new IllegalArgumentException("--benchmarks must list some of " + ALL + ", got "
          + benchmarks);
    }
    if (warmupIterations < 0 || measurementIterations < 1 || iterationMillis < 50) {
      throw new IllegalArgumentException("JMH needs at least one measured iteration of 50 ms");
    }
    if (!(berkeleyToleranceUs >= 0) || Double.isInfinite(berkeleyToleranceUs)) {
      throw new IllegalArgumentException("--berkeley-tolerance-us must be a number from 0, got "
          + berkeleyToleranceUs);
    }
    if (!(berkeleySkewBoundUs > 0) || Double.isInfinite(berkeleySkewBoundUs)) {
      throw new IllegalArgumentException("--berkeley-skew-bound-us must be a number above 0, got "
          + berkeleySkewBoundUs);
    }
    if (downloadLines < 1 || downloadLines > DownloadParameters.MAX_LINE_COUNT) {
      throw new IllegalArgumentException("--download-lines must be 1 to "
          + DownloadParameters.MAX_LINE_COUNT + ", got " + downloadLines);
    }
    if (!(downloadRatePerSecond > 0) || Double.isInfinite(downloadRatePerSecond)) {
      throw new IllegalArgumentException("--download-rate-per-second must be a number above 0,"
          + " got " + downloadRatePerSecond);
    }
  }
}
