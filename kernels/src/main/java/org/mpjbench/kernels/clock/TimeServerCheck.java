package org.mpjbench.kernels.clock;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Durations;

/**
 * The checker of what a time-server algorithm promises each client (Cristian's, the centralized
 * one): after the sync, the client's true error relative to the server is at most a share of the
 * round trip of the exchange it kept, plus the {@link DriftAllowance}. The server read its clock
 * somewhere inside that round trip, so adopting the reading leaves the client behind by up to the
 * whole round trip, and adding half of it leaves at most half. Pure: the kernels gather the
 * measurements, this decides.
 */
public final class TimeServerCheck {
  private TimeServerCheck() {}

  /**
   * What an algorithm promises, and how its check says so.
   *
   * @param property the property, as the summary prints it
   * @param roundTripDivisor the promise is {@code roundTrip / roundTripDivisor} (+ drift)
   * @param bound the promise in words for a violation, with {@code %d} for the round trip, e.g.
   *     {@code "half its shortest round trip (%d ns / 2)"}
   * @param shortBound the promise in a few words for a check that holds, e.g. {@code "min RTT / 2"}
   */
  public record Promise(String property, int roundTripDivisor, String bound, String shortBound) {}

  /**
   * What one client measured and what its error turned out to be.
   *
   * @param rank the client's rank
   * @param roundTripNanos the round trip of the exchange it kept (on its own clock)
   * @param syncHostNanos host time at which that exchange's reply arrived
   * @param measureHostNanos host time at which its true error was read after the final barrier
   * @param trueErrorNanos its clock's true error at {@code measureHostNanos} (positive: ahead)
   */
  public record ClientMeasurement(
      int rank, long roundTripNanos, long syncHostNanos, long measureHostNanos,
      long trueErrorNanos) {}

  /** The drift allowance of one client ({@link DriftAllowance}). */
  public static long allowanceNanos(
      ClientMeasurement client, long serverMeasureHostNanos, double driftPpm) {
    return DriftAllowance.nanos(client.roundTripNanos(), client.syncHostNanos(),
        client.measureHostNanos(), serverMeasureHostNanos, driftPpm);
  }

  /** What {@code promise} allows this client: its share of the round trip plus drift. */
  public static long boundNanos(Promise promise, ClientMeasurement client,
      long serverMeasureHostNanos, double driftPpm) {
    return client.roundTripNanos() / promise.roundTripDivisor()
        + allowanceNanos(client, serverMeasureHostNanos, driftPpm);
  }

  /**
   * Checks every client against the server's true error measured at {@code
   * serverMeasureHostNanos}; holds vacuously with no client (one rank), saying so. The detail of a
   * check that holds names the tightest client and gives the clients' signed mean error (negative:
   * behind the server).
   */
  public static PropertyCheck check(Promise promise, long serverTrueErrorNanos,
      long serverMeasureHostNanos, List<ClientMeasurement> clients, double driftPpm) {
    if (clients.isEmpty()) {
      return PropertyCheck.held(promise.property(), "1 rank: rank 0 is the time server and there"
          + " is no client to synchronize, so the property holds vacuously (no message sent)");
    }
    long worstMarginNanos = Long.MAX_VALUE;
    int worstRank = -1;
    long sumNanos = 0;
    for (ClientMeasurement client : clients) {
      long relative = client.trueErrorNanos() - serverTrueErrorNanos;
      long allowance = allowanceNanos(client, serverMeasureHostNanos, driftPpm);
      long bound = boundNanos(promise, client, serverMeasureHostNanos, driftPpm);
      if (Math.abs(relative) > bound) {
        return PropertyCheck.violated(promise.property(), String.format(Locale.ROOT,
            "rank %d is %d ns off the server's clock after the sync, more than "
                + promise.bound() + " plus the drift allowance %d ns = %d ns",
            client.rank(), relative, client.roundTripNanos(), allowance, bound));
      }
      if (bound - Math.abs(relative) < worstMarginNanos) {
        worstMarginNanos = bound - Math.abs(relative);
        worstRank = client.rank();
      }
      sumNanos += relative;
    }
    return PropertyCheck.held(promise.property(), String.format(Locale.ROOT,
        "%d client(s) within %s + drift allowance; the tightest, rank %d, with %d ns to spare;"
            + " mean error %s", clients.size(), promise.shortBound(), worstRank, worstMarginNanos,
        Durations.nanos(Math.round((double) sumNanos / clients.size()))));
  }
}
