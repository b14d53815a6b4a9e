package org.mpjbench.kernels.cristian;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.clock.DriftAllowance;

/**
 * The checker of Cristian's guarantee: after a client stepped its clock to {@code server + rtt/2}
 * of its shortest exchange, its true error relative to the server's clock is at most half that
 * round trip, because the server read its clock somewhere between the request leaving and the
 * reply arriving.
 *
 * <p>On top of {@code minRtt/2} the check allows the drift of the clocks during the round trip and
 * until the errors are read ({@link DriftAllowance}): with the default 20 ppm, tens of
 * nanoseconds, far below the round trips (tens of microseconds).
 */
public final class CristianCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY =
      "every client's true error after the sync is at most half its shortest round trip";

  private CristianCheck() {}

  /**
   * What one client measured and what its error turned out to be.
   *
   * @param rank the client's rank
   * @param minRoundTripNanos the shortest round trip it observed (on its own clock)
   * @param syncHostNanos host time at which the kept reply arrived
   * @param measureHostNanos host time at which its true error was read after the final barrier
   * @param trueErrorNanos its clock's true error at {@code measureHostNanos} (positive: ahead)
   */
  public record ClientMeasurement(
      int rank, long minRoundTripNanos, long syncHostNanos, long measureHostNanos,
      long trueErrorNanos) {}

  /** The drift allowance of one client ({@link DriftAllowance}). */
  public static long allowanceNanos(
      ClientMeasurement client, long serverMeasureHostNanos, double driftPpm) {
    return DriftAllowance.nanos(client.minRoundTripNanos(), client.syncHostNanos(),
        client.measureHostNanos(), serverMeasureHostNanos, driftPpm);
  }

  /**
   * Checks every client against the server's true error measured at {@code
   * serverMeasureHostNanos}; holds vacuously with no client (one rank), saying so.
   */
  public static PropertyCheck check(long serverTrueErrorNanos, long serverMeasureHostNanos,
      List<ClientMeasurement> clients, double driftPpm) {
    if (clients.isEmpty()) {
      return PropertyCheck.held(PROPERTY, "1 rank: rank 0 is the time server and there is no"
          + " client to synchronize, so the property holds vacuously (no message sent)");
    }
    long worstMarginNanos = Long.MAX_VALUE;
    int worstRank = -1;
    for (ClientMeasurement client : clients) {
      long relative = client.trueErrorNanos() - serverTrueErrorNanos;
      long allowance = allowanceNanos(client, serverMeasureHostNanos, driftPpm);
      long bound = client.minRoundTripNanos() / 2 + allowance;
      if (Math.abs(relative) > bound) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "rank %d is %d ns off the server's clock after the sync, more than half its shortest"
                + " round trip (%d ns / 2) plus the drift allowance %d ns = %d ns",
            client.rank(), relative, client.minRoundTripNanos(), allowance, bound));
      }
      if (bound - Math.abs(relative) < worstMarginNanos) {
        worstMarginNanos = bound - Math.abs(relative);
        worstRank = client.rank();
      }
    }
    return PropertyCheck.held(PROPERTY, String.format(Locale.ROOT,
        "%d client(s) within min RTT / 2 + drift allowance; the tightest, rank %d, with %d ns"
            + " to spare", clients.size(), worstRank, worstMarginNanos));
  }
}
