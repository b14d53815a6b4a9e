package org.mpjbench.kernels.clock;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options the time-server kernels (Cristian, centralized) share after their own: the clock
 * population ({@link ClockOptions}) and the longest wait for one request or reply, mixed into
 * their options where they stand in the help. Each kernel passes its own defaults.
 */
public final class TimeServerOptions {
  @Mixin ClockOptions clock;

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one request"
      + " or reply before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  /** Options that default to these values. */
  public TimeServerOptions(double spreadMs, double driftPpm, long seed, long timeoutMs) {
    this.clock = new ClockOptions(spreadMs, driftPpm, seed);
    this.timeoutMs = timeoutMs;
  }

  /** The clock population's options. */
  public ClockOptions clock() {
    return clock;
  }

  /** The longest wait for one request or reply, in milliseconds. */
  public long timeoutMs() {
    return timeoutMs;
  }
}
