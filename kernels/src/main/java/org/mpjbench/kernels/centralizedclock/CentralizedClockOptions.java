package org.mpjbench.kernels.centralizedclock;

import org.mpjbench.kernels.clock.ClockOptions;
import org.mpjbench.kernels.clock.TimeServerOptions;
import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Mixin;

/**
 * The options of {@code mpjbench run centralized-clock}, mixed into its subcommand in this order.
 */
public final class CentralizedClockOptions implements KernelOptions<CentralizedClockParameters> {
  private static final CentralizedClockParameters D = CentralizedClockParameters.DEFAULTS;

  @Mixin TimeServerOptions timeServer =
      new TimeServerOptions(D.spreadMs(), D.driftPpm(), D.seed(), D.timeoutMs());

  /**
   * The parameters (the number of ranks does not limit them).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public CentralizedClockParameters parameters(int ranks) {
    ClockOptions clock = timeServer.clock();
    return new CentralizedClockParameters(clock.spreadMs(), clock.driftPpm(), clock.seed(),
        timeServer.timeoutMs());
  }
}
