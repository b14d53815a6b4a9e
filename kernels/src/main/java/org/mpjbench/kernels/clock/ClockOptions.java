package org.mpjbench.kernels.clock;

import picocli.CommandLine.Option;

/**
 * The options of the simulated clock population ({@link ClockSpec#draw}), shared by the clock
 * synchronization kernels (Berkeley, Cristian, centralized) and mixed into their options where
 * they stand in the help. Each kernel passes its own defaults.
 */
public final class ClockOptions {
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
