package org.mpjbench.kernels.cristian;

import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run cristian}, mixed into its subcommand in this order. */
public final class CristianOptions implements KernelOptions<CristianParameters> {
  private static final CristianParameters D = CristianParameters.DEFAULTS;

  @Option(names = "--samples", paramLabel = "N", description = "Requests per client; the"
      + " shortest round trip is used (default: ${DEFAULT-VALUE}).")
  int samples = D.samples();

  @Option(names = "--spread-ms", paramLabel = "MS", description = "Initial clock offsets are"
      + " uniform over a window this wide (default: ${DEFAULT-VALUE}).")
  double spreadMs = D.spreadMs();

  @Option(names = "--drift-ppm", paramLabel = "PPM", description = "Clock drift rates are uniform"
      + " in +/- this many parts per million (default: ${DEFAULT-VALUE}).")
  double driftPpm = D.driftPpm();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the clock population"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one request"
      + " or reply before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  /**
   * The parameters (the number of ranks does not limit them).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public CristianParameters parameters(int ranks) {
    return new CristianParameters(samples, spreadMs, driftPpm, seed, timeoutMs);
  }
}
