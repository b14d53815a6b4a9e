package org.mpjbench.kernels.naming;

import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run naming}, mixed into its subcommand in this order. */
public final class NamingOptions implements KernelOptions<NamingParameters> {
  private static final NamingParameters D = NamingParameters.DEFAULTS;

  @Option(names = "--names", paramLabel = "N", description = "Names each client registers, half"
      + " flat, half hierarchical (default: ${DEFAULT-VALUE}).")
  int names = D.names();

  @Option(names = "--lookups", paramLabel = "N", description = "Resolutions each client makes"
      + " (default: ${DEFAULT-VALUE}).")
  int lookups = D.lookups();

  @Option(names = "--miss-ratio", paramLabel = "R", description = "Fraction of lookups of"
      + " unknown names (default: ${DEFAULT-VALUE}).")
  double missRatio = D.missRatio();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the names and lookups"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one request"
      + " or answer before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  /**
   * The parameters (the number of ranks does not limit them: with 1 rank, rank 0 does it all).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public NamingParameters parameters(int ranks) {
    return new NamingParameters(names, lookups, missRatio, seed, timeoutMs);
  }
}
