package org.mpjbench.kernels.centralizedclock;

import java.util.concurrent.TimeUnit;
import org.mpjbench.kernels.clock.ClockOptions;
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

  /** Checks every value; the message names the option at fault. */
  public CentralizedClockParameters {
    ClockOptions.check(spreadMs, driftPpm);
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
