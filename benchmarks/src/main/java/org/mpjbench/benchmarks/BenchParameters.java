package org.mpjbench.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mpjbench.kernels.download.DownloadParameters;

/**
 * What the launcher asks of one JMH run on K ranks.
 *
 * @param benchmarks which benchmarks to run, in the order given: some of {@link #ALL}, where
 *     {@value #KERNELS} stands for every kernel case ({@link KernelCase#NAMES}); duplicates are
 *     dropped
 * @param device the MPJ device, recorded as a JMH parameter
 * @param sessionIterations JMH's iterations for each benchmark of {@link #SESSION_BENCHMARKS}
 * @param kernelIterations JMH's iterations for each kernel case: shorter ones, as there are a
 *     dozen cases
 * @param berkeleyToleranceUs the Berkeley tolerance (a deliberately tiny one breaks the check)
 * @param berkeleySkewBoundUs the largest true skew the Berkeley check accepts after a trial
 * @param downloadLines lines of the download benchmark's file
 * @param downloadRatePerSecond the line server's rate per connection in the download benchmark
 * @param serverHost the address rank 0's line server binds to and the ranks connect to
 * @param mutexUnsafe the mutual-exclusion kernel cases enter without permission (breaks their
 *     check on purpose)
 */
public record BenchParameters(
    List<String> benchmarks,
    String device,
    Iterations sessionIterations,
    Iterations kernelIterations,
    double berkeleyToleranceUs,
    double berkeleySkewBoundUs,
    int downloadLines,
    double downloadRatePerSecond,
    String serverHost,
    boolean mutexUnsafe) {

  /**
   * How long JMH measures one benchmark.
   *
   * @param warmup warm-up iterations
   * @param measured measured iterations
   * @param millis length of each iteration
   */
  public record Iterations(int warmup, int measured, long millis) {
    /** Checks the counts. */
    public Iterations {
      if (warmup < 0 || measured < 1 || millis < 50) {
        throw new IllegalArgumentException("JMH needs at least one measured iteration of 50 ms");
      }
    }
  }

  /** The benchmarks that time a step of one long-lived session, and the MPI baselines. */
  public static final List<String> SESSION_BENCHMARKS = List.of("berkeley-round", "download",
      "ping-pong", "allreduce");

  /** Every benchmark name: {@link #SESSION_BENCHMARKS}, then the kernel cases. */
  public static final List<String> ALL = concat(SESSION_BENCHMARKS, KernelCase.NAMES);

  /** The name that stands for every kernel case in {@code --benchmarks}. */
  public static final String KERNELS = "kernels";

  /** Checks the values; the message names the option at fault. */
  public BenchParameters {
    benchmarks = expand(benchmarks);
    Objects.requireNonNull(sessionIterations, "sessionIterations");
    Objects.requireNonNull(kernelIterations, "kernelIterations");
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

  /** The chosen benchmarks of {@link #SESSION_BENCHMARKS}, in the order given. */
  public List<String> sessionBenchmarks() {
    return benchmarks.stream().filter(SESSION_BENCHMARKS::contains).toList();
  }

  /** The chosen kernel cases, in the order given. */
  public List<KernelCase> kernelCases() {
    return benchmarks.stream().map(KernelCase::byName).flatMap(java.util.Optional::stream)
        .toList();
  }

  /**
   * The benchmarks {@code names} stand for, in their order, without duplicates: {@value #KERNELS}
   * expanded to every kernel case.
   *
   * @throws IllegalArgumentException naming {@code --benchmarks} when the list is empty or holds
   *     an unknown name
   */
  public static List<String> expand(List<String> names) {
    Set<String> expanded = new LinkedHashSet<>();
    for (String name : names) {
      if (KERNELS.equals(name)) {
        expanded.addAll(KernelCase.NAMES);
      } else if (ALL.contains(name)) {
        expanded.add(name);
      } else {
        throw new IllegalArgumentException("--benchmarks: unknown benchmark '" + name
            + "'; known: " + String.join(", ", SESSION_BENCHMARKS) + ", " + KERNELS
            + " (every kernel case: " + String.join(", ", KernelCase.NAMES) + ") or any one of"
            + " them");
      }
    }
    if (expanded.isEmpty()) {
      throw new IllegalArgumentException("--benchmarks lists no benchmark");
    }
    return List.copyOf(expanded);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
