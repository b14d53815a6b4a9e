package org.mpjbench.kernels.multicast;

import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.kernels.spi.MessageTimeout;
import picocli.CommandLine.Mixin;
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

  @Mixin MessageTimeout timeout = new MessageTimeout(D.timeoutMs());

  @Option(names = "--transport", paramLabel = "T", description = "mpi (MPI messages) or udp"
      + " (UDP datagrams to an IP multicast group) (default: ${DEFAULT-VALUE}).")
  String transport = D.transport();

  @Option(names = "--group", paramLabel = "ADDR", description = "IPv4 multicast group of"
      + " --transport udp (default: ${DEFAULT-VALUE}).")
  String group = D.group();

  @Option(names = "--udp-port", paramLabel = "PORT", description = "UDP port of the group;"
      + " 0: rank 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int udpPort = D.udpPort();

  @Option(names = "--interface", paramLabel = "NAME", description = "Interface of the group:"
      + " auto (loopback when all ranks share rank 0's host, else the interface the host"
      + " routes the group through) or a name such as lo (default: ${DEFAULT-VALUE}).")
  String networkInterface = D.networkInterface();

  @Option(names = "--reliable", description = "With udp: members report what they missed and"
      + " rank 0 repeats it, until every member delivered everything exactly once, in order.")
  boolean reliable = D.reliable();

  @Option(names = "--repair-rounds", paramLabel = "N", description = "With --reliable: rounds"
      + " that repeat missed datagrams by multicast before the rest goes by MPI"
      + " (default: ${DEFAULT-VALUE}).")
  int repairRounds = D.repairRounds();

  /**
   * The parameters (the number of ranks does not limit them).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public MulticastParameters parameters(int ranks) {
    return new MulticastParameters(messages, mode, totalOrder, payloadLongs, seed,
        timeout.timeoutMs(), transport, group, udpPort, networkInterface, reliable, repairRounds);
  }
}
