package org.mpjbench.kernels.remotecall;

import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.kernels.spi.MessageTimeout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run remote-call}, mixed into its subcommand in this order. */
public final class RemoteCallOptions implements KernelOptions<RemoteCallParameters> {
  private static final RemoteCallParameters D = RemoteCallParameters.DEFAULTS;

  @Option(names = "--calls", paramLabel = "N", description = "Calls each client makes"
      + " (default: ${DEFAULT-VALUE}).")
  int calls = D.calls();

  @Option(names = "--negative-ratio", paramLabel = "R", description = "Fraction of calls with a"
      + " negative argument, answered with the error (default: ${DEFAULT-VALUE}).")
  double negativeRatio = D.negativeRatio();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the arguments"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Mixin MessageTimeout timeout = new MessageTimeout(D.timeoutMs());

  /**
   * The parameters (the number of ranks does not limit them).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public RemoteCallParameters parameters(int ranks) {
    return new RemoteCallParameters(calls, negativeRatio, seed, timeout.timeoutMs());
  }
}
