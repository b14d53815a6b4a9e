package org.mpjbench.kernels.centralizedclock;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.clock.DriftAllowance;
import org.mpjbench.kernels.spi.Durations;

/**
 * The pure steps of centralized clock synchronization: the client's correction (adopt the time
 * read) and the checker of what that guarantees.
 *
 * <p>The server read its clock at some instant inside the client's round trip, and the client set
 * its clock to that reading when the reply arrived; the reply's travel time is the one thing it
 * could not see. So right after the sync the client is <em>behind</em> the server by that one-way
 * delay, which lies between 0 and the round trip: the property is {@code |true error| <= roundTrip
 * + allowance}, the round trip as the client measured it on its own clock. (Cristian's algorithm
 * adds half the round trip and so halves the bound; this kernel shows the error it removes.)
 *
 * <p>On top of the round trip the check allows the drift of the clocks during the exchange and
 * until the errors are read ({@link DriftAllowance}, as Cristian's check): with the default 20 ppm,
 * tens of nanoseconds, far below the round trips (tens of microseconds).
 */
public final class CentralizedClockCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY =
      "every client's true error after the sync is at most its round trip";

  private CentralizedClockCheck() {}

  /**
   * What one client measured and what its error turned out to be.
   *
   * @param rank the client's rank
   * @param roundTripNanos the round trip of its one exchange (on its own clock)
   * @param syncHostNanos host time at which the reply arrived and the clock was set
   * @param measureHostNanos host time at which its true error was read after the final barrier
   * @param trueErrorNanos its clock's true error at {@code measureHostNanos} (positive: ahead)
   */
  public record ClientMeasurement(
      int rank, long roundTripNanos, long syncHostNanos, long measureHostNanos,
      long trueErrorNanos) {}

  /**
   * The step that sets a client's clock to the server's reading: the reading minus what the
   * client's clock showed when the reply arrived. Nothing is added for the reply's travel.
   */
  public static long correctionNanos(long serverClockNanos, long clientReceiveNanos) {
    return serverClockNanos - clientReceiveNanos;
  }

  /** The drift allowance of one client ({@link DriftAllowance}). */
  public static long allowanceNanos(
      ClientMeasurement client, long serverMeasureHostNanos, double driftPpm) {
    return DriftAllowance.nanos(client.roundTripNanos(), client.syncHostNanos(),
        client.measureHostNanos(), serverMeasureHostNanos, driftPpm);
  }

  /** What the property allows this client: its round trip plus its drift allowance. */
  public static long boundNanos(
      ClientMeasurement client, long serverMeasureHostNanos, double driftPpm) {
    return client.roundTripNanos() + allowanceNanos(client, serverMeasureHostNanos, driftPpm);
  }

  /**
   * Checks every client against the server's true error measured at {@code
   * serverMeasureHostNanos}; holds vacuously with no client (one rank), saying so. The detail of a
   * check that holds gives the signed mean error, expected negative (behind the server).
   */
  public static PropertyCheck check(long serverTrueErrorNanos, long serverMeasureHostNanos,
      List<ClientMeasurement> clients, double driftPpm) {
    if (clients.isEmpty()) {
      return PropertyCheck.held(PROPERTY, "1 rank: rank 0 is the time server and there is no"
          + " client to synchronize, so the property holds vacuously (no message sent)");
    }
    long worstMarginNanos = Long.MAX_VALUE;
    int worstRank = -1;
    long sumNanos = 0;
    for (ClientMeasurement client : clients) {
      long relative = client.trueErrorNanos() - serverTrueErrorNanos;
      long allowance = allowanceNanos(client, serverMeasureHostNanos, driftPpm);
      long bound = client.roundTripNanos() + allowance;
      if (Math.abs(relative) > bound) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "rank %d is %d ns off the server's clock after the sync, more than its round trip"
                + " (%d ns) plus the drift allowance %d ns = %d ns",
            client.rank(), relative, client.roundTripNanos(), allowance, bound));
      }
      if (bound - Math.abs(relative) < worstMarginNanos) {
        worstMarginNanos = bound - Math.abs(relative);
        worstRank = client.rank();
      }
      sumNanos += relative;
    }
    return PropertyCheck.held(PROPERTY, String.format(Locale.ROOT,
        "%d client(s) within RTT + drift allowance; the tightest, rank %d, with %d ns to spare;"
            + " mean error %s", clients.size(), worstRank, worstMarginNanos,
        Durations.nanos(Math.round((double) sumNanos / clients.size()))));
  }
}
