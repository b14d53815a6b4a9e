package org.mpjbench.kernels.naming;

import org.mpjbench.kernels.mpi.TimedReceive;

/**
 * Everything a naming run is told, checked when the record is made (messages name the option).
 *
 * @param names names each client registers (half flat, half hierarchical)
 * @param lookups resolutions each client makes
 * @param missRatio fraction of lookups of unknown names
 * @param seed seed of the names and lookups
 * @param timeoutMs longest wait for any one message before the run fails
 */
public record NamingParameters(int names, int lookups, double missRatio, long seed,
    long timeoutMs) {
  /** The defaults the launcher shows in {@code --help}. */
  public static final NamingParameters DEFAULTS = new NamingParameters(20, 200, 0.1, 1L, 10_000L);

  private static final int MAX_NAMES = 100_000;
  private static final int MAX_LOOKUPS = 1_000_000;

  /** Checks every value; the message names the option at fault. */
  public NamingParameters {
    if (names < 1 || names > MAX_NAMES) {
      throw new IllegalArgumentException(
          "--names must be between 1 and " + MAX_NAMES + ", got " + names);
    }
    if (lookups < 0 || lookups > MAX_LOOKUPS) {
      throw new IllegalArgumentException(
          "--lookups must be between 0 and " + MAX_LOOKUPS + ", got " + lookups);
    }
    if (!Double.isFinite(missRatio) || missRatio < 0 || missRatio > 1) {
      throw new IllegalArgumentException(
          "--miss-ratio must be a number between 0 and 1, got " + missRatio);
    }
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
