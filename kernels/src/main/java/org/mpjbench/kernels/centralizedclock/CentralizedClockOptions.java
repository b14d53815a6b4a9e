package org.mpjbench.kernels.centralizedclock;

import org.mpjbench.kernels.clock.ClockOptions;
import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code mpjbench run centralized-clock}, mixed into its subcommand in this order.
 */
public final class CentralizedClockOptions implements KernelOptions<CentralizedClockParameters> {
  private static final CentralizedClockParameters D = CentralizedClockParameters.DEFAULTS;

  @Mixin ClockOptions clock = new ClockOptions(D.spreadMs(), D.driftPpm(), D.seed());

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one request"
      + " or reply before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  /**
   * The parameters (the number of ranks does not limit them).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public CentralizedClockParameters parameters(int ranks) {
    return new CentralizedClockParameters(clock.spreadMs(), clock.driftPpm(), clock.seed(),
        timeoutMs);
  }
}
