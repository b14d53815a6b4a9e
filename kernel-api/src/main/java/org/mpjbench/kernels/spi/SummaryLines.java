package org.mpjbench.kernels.spi;

import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * Summary lines that several kernels print the same way, so that their wording (which people and
 * the integration tests read) lives in one place: the verdict on a property with its evidence, the
 * MPI ping-pong a round trip is measured against, the round-trip line of the request-reply
 * kernels ({@code naming}, {@code remote-call}) and the messages line of the time-server kernels.
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
}
