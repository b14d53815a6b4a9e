package org.mpjbench.launcher.report;

import org.mpjbench.kernels.spi.Latencies;

import java.util.Map;
import org.mpjbench.kernels.results.Results;
import org.mpjbench.kernels.results.RunRecord;

/**
 * One run's figures in the terms every kernel shares, read by {@link KernelFigures#of(RunRecord)}.
 * Every figure but the run and its kernel may be null: the kernel does not have it, or the run
 * ended before its result, or (latency, rate) the run made no operation.
 *
 * @param run the record read
 * @param kernel the kernel's description
 * @param propertyHolds whether the kernel's correctness property held: from {@code check.holds}
 *     of a complete run, false for a run failed by a violation; null when the kernel checks none
 *     or the run ended otherwise
 * @param messages MPI messages the algorithm sent, as the kernel counted them
 * @param operations how many operations the run made ({@link KernelFigures#operation()} says what
 *     one is)
 * @param medianLatencyNanos the median latency of one operation ({@link
 *     KernelFigures#latencyMeaning()} says from when to when)
 * @param operationsPerSecond operations per second, where the kernel times them
 * @param baselineRoundTripNanos the plain MPI ping-pong the kernel measured in the same run, the
 *     reference for its latencies
 * @param headline the kernel's own figures in one line, e.g. "final skew 784 ns"
 * @param own the figures of the kernel's own columns ({@link KernelFigures#columns()}) by column
 *     name; empty when the run did not complete
 * @param latency the distribution of the operations' latencies (P50, P90, P99, max), where the
 *     kernel reports it and the run made some operation; else null
 */
public record RunFigures(
    RunRecord run,
    KernelFigures kernel,
    Boolean propertyHolds,
    Long messages,
    Long operations,
    Long medianLatencyNanos,
    Double operationsPerSecond,
    Long baselineRoundTripNanos,
    String headline,
    Map<String, Double> own,
    Latencies latency) {

  /** The status of a run that has a result. */
  public static final String COMPLETE = "complete";

  /** Whether the run completed (and so has its figures). */
  public boolean complete() {
    return COMPLETE.equals(run.status());
  }

  /** The 99th percentile of the operations' latencies; null when the run has no distribution. */
  public Long p99LatencyNanos() {
    return latency == null ? null : latency.p99Nanos();
  }

  /** Messages per operation; null unless both are known and some operation was made. */
  public Double messagesPerOperation() {
    return messages == null || operations == null || operations == 0 ? null
        : (double) messages / operations;
  }

  /**
   * The line a sweep prints for a complete run: for a kernel that checks a property, e.g.
   * "property holds, 480 messages; 6.00 messages per entry, ...", else the headline alone.
   */
  public String brief() {
    if (!kernel.checksProperty()) {
      return headline;
    }
    String verdict = propertyHolds == null ? "property not checked"
        : propertyHolds ? "property holds" : "property VIOLATED";
    String counted = messages == null ? ""
        : ", " + messages + (messages == 1 ? " message" : " messages");
    return verdict + counted + (headline == null ? "" : "; " + headline);
  }

  /**
   * The run's name as its result file is called, without {@code .json}, e.g.
   * {@code download-4r-multicore-20261121T234653Z}.
   */
  public static String nameOf(RunRecord run) {
    return Results.nameOf(run);
  }
}
