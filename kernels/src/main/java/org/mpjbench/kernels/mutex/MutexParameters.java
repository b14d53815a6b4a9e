package org.mpjbench.kernels.mutex;

import java.util.concurrent.TimeUnit;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything a mutual-exclusion run is told, with its units in the names. Values are checked when
 * the record is made, so a bad one fails in the launcher with a message naming the option.
 *
 * @param entries critical-section entries every rank makes
 * @param holdUs time spent inside the critical section per entry
 * @param thinkUs mean time between leaving the critical section and asking again (the actual
 *     pause is drawn uniformly in [thinkUs/2, 3·thinkUs/2] from the seed)
 * @param seed seed of the think-time jitter (same seed, same pauses)
 * @param unsafe every rank enters without asking anybody: the broken run, whose check must fail
 * @param stallTimeoutMs a rank that makes no progress (no entry, no message) for this long fails
 *     the run instead of waiting forever
 */
public record MutexParameters(
    int entries, long holdUs, long thinkUs, long seed, boolean unsafe, long stallTimeoutMs) {

  /** The defaults the launcher shows in {@code --help}. */
  public static final MutexParameters DEFAULTS =
      new MutexParameters(20, 200, 500, 1L, false, 30_000);

  /** Ten seconds: longer holds or thinks make no sense for a run of a few seconds. */
  private static final long MAX_MICROS = 10_000_000L;

  /** Checks every value; the message names the option at fault. */
  public MutexParameters {
    OptionChecks.requireBetween("--entries", entries, 1, 1_000_000);
    OptionChecks.requireBetween("--hold-us", holdUs, 0, MAX_MICROS);
    OptionChecks.requireBetween("--think-us", thinkUs, 0, MAX_MICROS);
    OptionChecks.requireBetween("--stall-timeout-ms", stallTimeoutMs, 1,
        TimeUnit.HOURS.toMillis(1));
  }

  /** The hold time in nanoseconds. */
  public long holdNanos() {
    return TimeUnit.MICROSECONDS.toNanos(holdUs);
  }

  /** The mean think time in nanoseconds. */
  public long thinkNanos() {
    return TimeUnit.MICROSECONDS.toNanos(thinkUs);
  }

  /** The stall timeout in nanoseconds. */
  public long stallTimeoutNanos() {
    return TimeUnit.MILLISECONDS.toNanos(stallTimeoutMs);
  }
}
