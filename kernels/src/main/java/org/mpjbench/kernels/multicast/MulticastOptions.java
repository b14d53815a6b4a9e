package org.mpjbench.kernels.multicast;

import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run multicast}, mixed into its subcommand in this order. */
public final class MulticastOptions implements KernelOptions<MulticastParameters> {
  private static final MulticastParameters D = MulticastParameters.DEFAULTS;

  @Option(names = "--messages", paramLabel = "N", description = "Messages multicast in all"
      + " (default: ${DEFAULT-VALUE}).")
  int messages = D.messages();

  @Option(names = "--mode", paramLabel = "MODE", description = "bcast or p2p"
      + " (default: ${DEFAULT-VALUE}).")
  String mode = D.mode();

  @Option(names = "--total-order", paramLabel = "ORDER", description = "none or sequencer"
      + " (default: ${DEFAULT-VALUE}).")
  String totalOrder = D.totalOrder();

  @Option(names = "--payload-longs", paramLabel = "N", description = "Longs of payload per"
      + " message after the 3-long header (default: ${DEFAULT-VALUE}).")
  int payloadLongs = D.payloadLongs();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the senders'"
      + " interleaving under total order (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one"
      + " message before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  /**
   * The parameters (the number of ranks does not limit them).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public MulticastParameters parameters(int ranks) {
    return new MulticastParameters(messages, mode, totalOrder, payloadLongs, seed, timeoutMs);
  }
}
