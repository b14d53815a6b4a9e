package org.mpjbench.kernels.cristian;

import org.mpjbench.kernels.clock.ClockOptions;
import org.mpjbench.kernels.clock.TimeServerOptions;
import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run cristian}, mixed into its subcommand in this order. */
public final class CristianOptions implements KernelOptions<CristianParameters> {
  private static final CristianParameters D = CristianParameters.DEFAULTS;

  @Option(names = "--samples", paramLabel = "N", description = "Requests per client; the"
      + " shortest round trip is used (default: ${DEFAULT-VALUE}).")
  int samples = D.samples();

  @Mixin TimeServerOptions timeServer =
      new TimeServerOptions(D.spreadMs(), D.driftPpm(), D.seed(), D.timeoutMs());

  /**
   * The parameters (the number of ranks does not limit them).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public CristianParameters parameters(int ranks) {
    ClockOptions clock = timeServer.clock();
    return new CristianParameters(samples, clock.spreadMs(), clock.driftPpm(), clock.seed(),
        timeServer.timeoutMs());
  }
}
