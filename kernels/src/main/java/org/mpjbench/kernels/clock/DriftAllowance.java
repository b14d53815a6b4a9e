package org.mpjbench.kernels.clock;

/**
 * How much drift may add to a client's error after a sync with a time server, on top of what the
 * algorithm's own bound allows, with {@code d = driftPpm * 1e-6} the largest drift rate of any
 * clock:
 *
 * <ul>
 *   <li>{@code d * 2 * roundTrip}: the round trip is measured on the client's drifting clock, and
 *       the server's clock drifts while the reply travels;
 *   <li>{@code d * |measureClient - sync|} and {@code d * |measureServer - sync|}: after the sync
 *       (the moment the kept reply arrived) both clocks keep drifting until each reads its true
 *       error after the final barrier;
 *   <li>{@value #ROUNDING_NANOS} ns for the rounding of the clocks' drift terms and of a halved
 *       round trip.
 * </ul>
 *
 * With the default 20 ppm and a measurement some milliseconds after the sync this is tens of
 * nanoseconds, far below the round trips (tens of microseconds). Cristian's check and the
 * centralized one add it to their bounds.
 */
public final class DriftAllowance {
  /** Rounding of the drift terms and of a halved round trip. */
  public static final long ROUNDING_NANOS = 4;

  private DriftAllowance() {}

  /**
   * The allowance of one client.
   *
   * @param roundTripNanos the round trip of the exchange the client kept (on its clock)
   * @param syncHostNanos host time at which that exchange's reply arrived
   * @param clientMeasureHostNanos host time at which the client's true error was read
   * @param serverMeasureHostNanos host time at which the server's true error was read
   * @param driftPpm the bound of the drift rates
   */
  public static long nanos(long roundTripNanos, long syncHostNanos, long clientMeasureHostNanos,
      long serverMeasureHostNanos, double driftPpm) {
    double d = driftPpm * 1e-6;
    double spanNanos = 2.0 * roundTripNanos
        + Math.abs(clientMeasureHostNanos - syncHostNanos)
        + Math.abs(serverMeasureHostNanos - syncHostNanos);
    return (long) Math.ceil(d * spanNanos) + ROUNDING_NANOS;
  }
}
