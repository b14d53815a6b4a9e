package org.mpjbench.kernels.centralizedclock;

import java.util.concurrent.TimeUnit;
import org.mpjbench.kernels.mpi.TimedReceive;

/**
 * Everything a centralized-clock run is told, with its units in the names. Values are checked when
 * the record is made, so a bad one fails in the launcher with a message naming the option. There is
 * no sample count: a client asks the server exactly once.
 *
 * @param spreadMs width of the uniform distribution of initial clock offsets
 * @param driftPpm largest drift rate drawn for a clock, in parts per million
 * @param seed seed of the clock population (same seed, same clocks)
 * @param timeoutMs longest wait for any one message before the run fails
 */
public record CentralizedClockParameters(
    double spreadMs, double driftPpm, long seed, long timeoutMs) {

  /**
   * The defaults the launcher shows in {@code --help}: the clocks of Cristian's defaults (same
   * spread, drift and seed), so the two runs start from the same clocks and can be compared.
   */
  public static final CentralizedClockParameters DEFAULTS =
      new CentralizedClockParameters(50.0, 20.0, 1L, 10_000L);

  private static final double MAX_SPREAD_MS = 365.0 * 24 * 3600 * 1000;
  private static final double MAX_DRIFT_PPM = 1_000_000;

  /** Checks every value; the message names the option at fault. */
  public CentralizedClockParameters {
    if (!Double.isFinite(spreadMs) || spreadMs < 0 || spreadMs > MAX_SPREAD_MS) {
      throw new IllegalArgumentException(
          "--spread-ms must be a number between 0 and one year, got " + spreadMs);
    }
    if (!Double.isFinite(driftPpm) || driftPpm < 0 || driftPpm > MAX_DRIFT_PPM) {
      throw new IllegalArgumentException(
          "--drift-ppm must be a number between 0 and 1000000, got " + driftPpm);
    }
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** The spread in nanoseconds. */
  public long spreadNanos() {
    return Math.round(spreadMs * 1e6);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
