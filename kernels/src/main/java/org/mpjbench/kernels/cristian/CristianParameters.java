package org.mpjbench.kernels.cristian;

import org.mpjbench.kernels.clock.ClockOptions;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything a Cristian run is told, with its units in the names. Values are checked when the
 * record is made, so a bad one fails in the launcher with a message naming the option.
 *
 * @param samples requests each client sends; the one with the shortest round trip is used
 * @param spreadMs width of the uniform distribution of initial clock offsets
 * @param driftPpm largest drift rate drawn for a clock, in parts per million
 * @param seed seed of the clock population (same seed, same clocks)
 * @param timeoutMs longest wait for any one message before the run fails
 */
public record CristianParameters(
    int samples, double spreadMs, double driftPpm, long seed, long timeoutMs) {

  /** The defaults the launcher shows in {@code --help}. */
  public static final CristianParameters DEFAULTS =
      new CristianParameters(8, 50.0, 20.0, 1L, 10_000L);

  private static final int MAX_SAMPLES = 100_000;

  /** Checks every value; the message names the option at fault. */
  public CristianParameters {
    OptionChecks.requireBetween("--samples", samples, 1, MAX_SAMPLES);
    ClockOptions.check(spreadMs, driftPpm);
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** The spread in nanoseconds. */
  public long spreadNanos() {
    return Math.round(spreadMs * 1e6);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
