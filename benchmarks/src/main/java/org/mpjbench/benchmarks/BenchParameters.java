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
 * @param sizes the message sizes in bytes of the {@value #OSU} sweep, ascending ({@link
 *     MessageSizes}); empty: no sweep
 * @param sizeMillis how long the {@value #OSU} sweep times one operation at one size (after its
 *     warm-up), at least {@link SizeSweep#MIN_SAMPLES} iterations whatever it takes
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
    boolean mutexUnsafe,
    List<Integer> sizes,
    long sizeMillis) {

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
  public static final List<String> ALL =
      concat(concat(SESSION_BENCHMARKS, List.of(BenchParameters.OSU)), KernelCase.NAMES);

  /**
   * The OSU-style sweep by message size ({@link SizesBenchmark}): ping-pong latency, bandwidth,
   * Bcast, Allreduce, Gather and Alltoall latency at every size of {@link #sizes}.
   */
  public static final String OSU = "osu";

  /** Per operation and size when not said otherwise: the default bench's. */
  public static final long SIZE_MILLIS = 100;

  /** The name that stands for every kernel case in {@code --benchmarks}. */
  public static final String KERNELS = "kernels";

  /**
   * Parameters with the {@value #OSU} sweep over every size of {@link MessageSizes#DEFAULT}, {@link
   * #SIZE_MILLIS} per operation and size (when {@value #OSU} is among the benchmarks).
   */
  public BenchParameters(List<String> benchmarks, String device, Iterations sessionIterations,
      Iterations kernelIterations, double berkeleyToleranceUs, double berkeleySkewBoundUs,
      int downloadLines, double downloadRatePerSecond, String serverHost, boolean mutexUnsafe) {
    this(benchmarks, device, sessionIterations, kernelIterations, berkeleyToleranceUs,
        berkeleySkewBoundUs, downloadLines, downloadRatePerSecond, serverHost, mutexUnsafe,
        MessageSizes.DEFAULT, SIZE_MILLIS);
  }

  /** Checks the values; the message names the option at fault. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public BenchParameters {
    benchmarks = expand(benchmarks);
    sizes = MessageSizes.check(sizes == null ? List.of() : sizes);
    if (sizeMillis < 1) {
      throw new IllegalArgumentException("the time per message size must be at least 1 ms, got "
          + sizeMillis);
    }
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

  /** A copy that sweeps {@code sizes} (bytes), {@code millis} per operation and size. */
  public BenchParameters withSizes(List<Integer> sizes, long millis) {
    return new BenchParameters(benchmarks, device, sessionIterations, kernelIterations,
        berkeleyToleranceUs, berkeleySkewBoundUs, downloadLines, downloadRatePerSecond,
        serverHost, mutexUnsafe, sizes, millis);
  }

  /** Whether the {@value #OSU} sweep runs: it is chosen and there are sizes. */
  public boolean sizeSweep() {
    return benchmarks.contains(OSU) && !sizes.isEmpty();
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
            + "'; known: " + String.join(", ", SESSION_BENCHMARKS) + ", " + OSU + ", " + KERNELS
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
