package org.mpjbench.kernels.election;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/** The summary lines and the headline figure the election kernels ({@code ring}, {@code bully}) share. */
public final class ElectionSummary {
  private ElectionSummary() {}

  /** The headline: kernel, ranks, device, who crashed, who started. */
  public static String headline(String kernel, RunInfo run, List<Integer> crashed,
      int initiator) {
    return String.format(Locale.ROOT, "%s: %d ranks, %s, crashed %s, initiator %d, in %.2f s",
        kernel, run.ranks(), run.device(),
        crashed.isEmpty() ? "none" : String.join(",", crashed.stream().map(String::valueOf)
            .toList()), initiator, run.wallTimeSeconds());
  }

  /** The property line. */
  public static String property(PropertyCheck check) {
    return "  property     " + check.property() + ": " + (check.holds() ? "holds" : "VIOLATED");
  }

  /**
   * The latency line: when the last live rank knew the coordinator and, from {@code latency} (the
   * live ranks' learning times), P50, P90, P99 and max over the live ranks; the median alone when
   * {@code latency} is null (a result file written before the percentiles).
   */
  public static String latency(long medianNanos, long maxNanos, Latencies latency,
      long timeoutMs) {
    String perRank = latency == null ? "median " + Durations.nanos(medianNanos)
        : "per live rank " + SummaryLines.percentiles(latency);
    return "  latency      last live rank knew the coordinator after " + Durations.nanos(maxNanos)
        + " (" + perRank + "); timeout " + timeoutMs + " ms";
  }

  /** The sweep's one-line outcome: "coordinator 2 known to every live rank after 1.23 ms". */
  public static String outcome(int coordinator, long latencyMaxNanos) {
    return "coordinator " + coordinator + " known to every live rank after "
        + Durations.nanos(latencyMaxNanos);
  }
}
