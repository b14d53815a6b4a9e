package org.mpjbench.kernels.clock;

import picocli.CommandLine.Option;

/**
 * The options of the simulated clock population ({@link ClockSpec#draw}), shared by the clock
 * synchronization kernels (Berkeley, Cristian, centralized) and mixed into their options where
 * they stand in the help. Each kernel passes its own defaults.
 */
public final class ClockOptions {
  private static final double MAX_SPREAD_MS = 365.0 * 24 * 3600 * 1000;
  private static final double MAX_DRIFT_PPM = 1_000_000;

  @Option(names = "--spread-ms", paramLabel = "MS", description = "Initial clock offsets are"
      + " uniform over a window this wide (default: ${DEFAULT-VALUE}).")
  double spreadMs;

  @Option(names = "--drift-ppm", paramLabel = "PPM", description = "Clock drift rates are uniform"
      + " in +/- this many parts per million (default: ${DEFAULT-VALUE}).")
  double driftPpm;

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the clock population"
      + " (default: ${DEFAULT-VALUE}).")
  long seed;

  /** Options that default to these values. */
  public ClockOptions(double spreadMs, double driftPpm, long seed) {
    this.spreadMs = spreadMs;
    this.driftPpm = driftPpm;
    this.seed = seed;
  }

  /**
   * Checks a clock population's options as the time-server kernels take them; the message names
   * the option at fault.
   *
   * @throws IllegalArgumentException for a spread outside 0 to a year, or a drift outside 0 to a
   *     million ppm
   */
  public static void check(double spreadMs, double driftPpm) {
    if (!Double.isFinite(spreadMs) || spreadMs < 0 || spreadMs > MAX_SPREAD_MS) {
      throw new IllegalArgumentException(
          "--spread-ms must be a number between 0 and one year, got " + spreadMs);
    }
    if (!Double.isFinite(driftPpm) || driftPpm < 0 || driftPpm > MAX_DRIFT_PPM) {
      throw new IllegalArgumentException(
          "--drift-ppm must be a number between 0 and 1000000, got " + driftPpm);
    }
  }

  /** The width of the initial offsets' window, in milliseconds. */
  public double spreadMs() {
    return spreadMs;
  }

  /** The bound of the drift rates, in parts per million. */
  public double driftPpm() {
    return driftPpm;
  }

  /** The seed of the clock population. */
  public long seed() {
    return seed;
  }
}
