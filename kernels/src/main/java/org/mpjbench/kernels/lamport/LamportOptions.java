package org.mpjbench.kernels.lamport;

import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.kernels.spi.MessageTimeout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run lamport}, mixed into its subcommand in this order. */
public final class LamportOptions implements KernelOptions<LamportParameters> {
  private static final LamportParameters D = LamportParameters.DEFAULTS;

  @Option(names = "--messages", paramLabel = "N", description = "Messages in the pattern, at most "
      + LamportParameters.MAX_MESSAGES + " (default: ${DEFAULT-VALUE}).")
  int messages = D.messages();

  @Option(names = "--local-events", paramLabel = "N", description = "Each rank does 0 to N local"
      + " events before each message, at most " + LamportParameters.MAX_LOCAL_EVENTS
      + " (default: ${DEFAULT-VALUE}).")
  int localEvents = D.localEventsMax();

  @Option(names = "--vector", description = "Keep vector clocks too and check them against"
      + " happened-before (every pair of events).")
  boolean vector = D.vector();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the message pattern"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Mixin MessageTimeout timeout = new MessageTimeout(D.timeoutMs());

  /**
   * The parameters, checked against the number of ranks too: with {@code --vector} the trace the
   * pairwise check takes on grows with the ranks, so a run too big for it fails here, before any
   * rank starts, rather than after the whole pattern.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public LamportParameters parameters(int ranks) {
    LamportParameters parameters =
        new LamportParameters(messages, localEvents, vector, seed, timeout.timeoutMs());
    parameters.requireFitsRanks(Math.max(ranks, 1));
    return parameters;
  }
}
