package org.mpjbench.kernels.naming;

import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.spi.OptionChecks;

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
    OptionChecks.requireBetween("--names", names, 1, MAX_NAMES);
    OptionChecks.requireBetween("--lookups", lookups, 0, MAX_LOOKUPS);
    OptionChecks.requireFraction("--miss-ratio", missRatio);
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
