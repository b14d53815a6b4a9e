package org.mpjbench.kernels.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * Summary lines that several kernels print the same way, so that their wording (which people and
 * the integration tests read) lives in one place: the verdict on a property with its evidence, the
 * MPI ping-pong a round trip is measured against, a latency distribution (P50, P90, P99, max),
 * the round-trip line of the request-reply kernels ({@code naming}, {@code remote-call}) and the
 * closing lines of the time-server kernels.
 */
public final class SummaryLines {
  private SummaryLines() {}

  /** "  property     every message delivered once: holds (800 deliveries)". */
  public static String property(PropertyCheck check) {
    return "  property     " + check.property() + ": " + (check.holds() ? "holds" : "VIOLATED")
        + " (" + check.detail() + ")";
  }

  /**
   * " (MPI ping-pong 266 µs)", to follow a round trip; empty when none was measured (the kernel
   * writes 0 then, e.g. with one rank), so that no "0 ns" reference is shown.
   */
  public static String pingPong(long baselineRoundTripNanos) {
    return baselineRoundTripNanos == 0 ? ""
        : String.format(Locale.ROOT, " (MPI ping-pong %s)",
            Durations.nanos(baselineRoundTripNanos));
  }

  /** "P50 276 µs, P90 310 µs, P99 402 µs, max 1.02 ms": a latency distribution. */
  public static String percentiles(Latencies latency) {
    return percentiles(latency, "");
  }

  /**
   * {@link #percentiles(Latencies)} with {@code afterMedian} right after the P50, e.g. {@link
   * #pingPong}: "P50 276 µs (MPI ping-pong 233 µs), P90 ...".
   */
  public static String percentiles(Latencies latency, String afterMedian) {
    return "P50 " + Durations.nanos(latency.p50Nanos()) + afterMedian + ", P90 "
        + Durations.nanos(latency.p90Nanos()) + ", P99 " + Durations.nanos(latency.p99Nanos())
        + ", max " + Durations.nanos(latency.maxNanos());
  }

  /**
   * What follows a median: "; P50 .., P90 .., P99 .., max .." of {@code latency}, or ", max .."
   * alone when {@code latency} is null (a result file written before the percentiles).
   */
  public static String afterMedian(Latencies latency, long maxNanos) {
    return latency == null ? ", max " + Durations.nanos(maxNanos) : "; " + percentiles(latency);
  }

  /**
   * The request-reply kernels' messages line with the percentiles of {@code latency}: "  messages
   * 1,206; call round trip P50 276 µs (MPI ping-pong 233 µs), P90 310 µs, P99 402 µs, max 1.02
   * ms"; the median and max of {@link #roundTrips(long, String, long, String, long)} when it is
   * null (a result file written before the percentiles).
   *
   * @param request what one round trip is, e.g. "lookup" or "call"
   * @param reference what follows the median, e.g. {@link #pingPong}; empty for nothing
   */
  public static String roundTrips(long messages, String request, long medianNanos,
      String reference, long maxNanos, Latencies latency) {
    return latency == null ? roundTrips(messages, request, medianNanos, reference, maxNanos)
        : String.format(Locale.ROOT, "  messages     %,d; %s round trip %s", messages, request,
            percentiles(latency, reference));
  }

  /**
   * The request-reply kernels' messages line: "  messages     1,206; call round trip median 276 µs
   * (MPI ping-pong 233 µs), max 1.02 ms".
   *
   * @param request what one round trip is, e.g. "lookup" or "call"
   * @param reference what follows the median, e.g. {@link #pingPong}; empty for nothing
   */
  public static String roundTrips(long messages, String request, long medianNanos,
      String reference, long maxNanos) {
    return String.format(Locale.ROOT, "  messages     %,d; %s round trip median %s%s, max %s",
        messages, request, Durations.nanos(medianNanos), reference, Durations.nanos(maxNanos));
  }

  /**
   * The time-server kernels' messages line (Cristian's, the centralized one): "  messages     48;
   * round trip median 510 µs (MPI ping-pong 114 µs); longest sync 7.00 ms".
   */
  public static String timeServer(long messages, long medianRoundTripNanos,
      long baselineRoundTripNanos, long maxSyncNanos) {
    return String.format(Locale.ROOT, "  messages     %,d; round trip median %s%s; longest sync %s",
        messages, Durations.nanos(medianRoundTripNanos), pingPong(baselineRoundTripNanos),
        Durations.nanos(maxSyncNanos));
  }

  /**
   * The time-server kernels' closing lines: "  sync         P50 .., P90 .., P99 .., max .." of the
   * clients' syncs (left out without a client, or for a result file written before the
   * percentiles, {@code syncs} null), then their messages line, {@link #timeServer(long, long,
   * long, long)}.
   */
  public static List<String> timeServer(Latencies syncs, int clients, long messages,
      long medianRoundTripNanos, long baselineRoundTripNanos, long maxSyncNanos) {
    List<String> lines = new ArrayList<>();
    if (syncs != null && clients > 0) {
      lines.add("  sync         " + percentiles(syncs));
    }
    lines.add(timeServer(messages, medianRoundTripNanos, baselineRoundTripNanos, maxSyncNanos));
    return lines;
  }
}
