package org.mpjbench.kernels.multicast;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything a multicast run is told, with its units in the names; checked when made, with
 * messages naming the option.
 *
 * @param messages messages multicast to the group in all (split among the senders under total
 *     order)
 * @param mode {@code bcast} (MPI Bcast) or {@code p2p} (one Isend per member); MPI transport only
 * @param totalOrder {@code none} (rank 0 is the only sender) or {@code sequencer} (every rank
 *     sends, rank 0 orders); MPI transport only
 * @param payloadLongs longs of payload after the fixed header of each message
 * @param seed seed of the senders' interleaving under total order
 * @param timeoutMs longest wait for any one message before the run fails
 * @param transport {@code mpi} (MPI messages) or {@code udp} (rank 0 sends UDP datagrams to an IP
 *     multicast group the members joined)
 * @param group the IPv4 multicast group of the UDP transport, e.g. {@code 239.255.77.1}
 * @param udpPort the group's UDP port; 0: rank 0 picks a free one and tells the ranks
 * @param networkInterface the interface the group is joined and sent on: {@code auto} (loopback
 *     when every rank runs on rank 0's host, else the interface of the address the host uses to
 *     reach the group) or an interface name such as {@code lo} or {@code eth0}
 * @param reliable UDP only: members report what they missed and rank 0 repeats it, until every
 *     member delivered every message exactly once, in order
 * @param repairRounds reliable UDP only: rounds that repeat the missed datagrams by multicast
 *     before the rest goes to each member by MPI
 */
public record MulticastParameters(
    int messages, String mode, String totalOrder, int payloadLongs, long seed, long timeoutMs,
    String transport, String group, int udpPort, String networkInterface, boolean reliable,
    int repairRounds) {

  private static final int MAX_MESSAGES = 1_000_000;
  private static final int MAX_PAYLOAD = 1 << 16;
  private static final int MAX_REPAIR_ROUNDS = 100;
  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]"
          + "|1[0-9][0-9]|[1-9]?[0-9])){3}");
  private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");

  // After the patterns: the constructor that makes the defaults uses them.
  /** The defaults the launcher shows in {@code --help}. */
  public static final MulticastParameters DEFAULTS = new MulticastParameters(200, "bcast", "none",
      8, 1L, 10_000L, "mpi", "239.255.77.1", 0, "auto", false, 3);

  /** Checks every value; the message names the option at fault. */
  public MulticastParameters {
    OptionChecks.requireBetween("--messages", messages, 1, MAX_MESSAGES);
    if (!"bcast".equals(mode) && !"p2p".equals(mode)) {
      throw new IllegalArgumentException("--mode must be bcast or p2p, got " + mode);
    }
    if (!"none".equals(totalOrder) && !"sequencer".equals(totalOrder)) {
      throw new IllegalArgumentException(
          "--total-order must be none or sequencer, got " + totalOrder);
    }
    OptionChecks.requireBetween("--payload-longs", payloadLongs, 0, MAX_PAYLOAD);
    TimedReceive.checkTimeoutMs(timeoutMs);
    if (!"mpi".equals(transport) && !"udp".equals(transport)) {
      throw new IllegalArgumentException("--transport must be udp or mpi, got " + transport);
    }
    if (group == null || !IPV4.matcher(group).matches()
        || !isMulticast(Integer.parseInt(group.substring(0, group.indexOf('.'))))) {
      throw new IllegalArgumentException("--group must be an IPv4 multicast address"
          + " (224.0.0.0 to 239.255.255.255, e.g. 239.255.77.1), got " + group);
    }
    if (udpPort < 0 || udpPort > 65_535) {
      throw new IllegalArgumentException(
          "--udp-port must be between 0 (rank 0 picks one) and 65535, got " + udpPort);
    }
    if (networkInterface == null || !INTERFACE.matcher(networkInterface).matches()) {
      throw new IllegalArgumentException("--interface must be auto or an interface name"
          + " (e.g. lo, eth0), got " + networkInterface);
    }
    OptionChecks.requireBetween("--repair-rounds", repairRounds, 0, MAX_REPAIR_ROUNDS);
    if ("udp".equals(transport)) {
      if (UdpDatagram.size(payloadLongs) > UdpDatagram.MAX_UDP_BYTES) {
        throw new IllegalArgumentException("--payload-longs must be at most "
            + (UdpDatagram.MAX_UDP_BYTES - UdpDatagram.size(0)) / 8
            + " with --transport udp (one datagram per message), got " + payloadLongs);
      }
      if (!"bcast".equals(mode)) {
        throw new IllegalArgumentException("--mode p2p needs --transport mpi"
            + " (with udp, rank 0 sends each message once, to the group)");
      }
      if (!"none".equals(totalOrder)) {
        throw new IllegalArgumentException("--total-order sequencer needs --transport mpi");
      }
    } else if (reliable) {
      throw new IllegalArgumentException("--reliable needs --transport udp");
    }
  }

  /** The parameters of the MPI transport, as before the UDP transport was added. */
  public MulticastParameters(int messages, String mode, String totalOrder, int payloadLongs,
      long seed, long timeoutMs) {
    this(messages, mode, totalOrder, payloadLongs, seed, timeoutMs, DEFAULTS.transport,
        DEFAULTS.group, DEFAULTS.udpPort, DEFAULTS.networkInterface, false,
        DEFAULTS.repairRounds);
  }

  private static boolean isMulticast(int firstOctet) {
    return firstOctet >= 224 && firstOctet <= 239;
  }

  /** True with the sequencer's total order. */
  public boolean sequenced() {
    return "sequencer".equals(totalOrder);
  }

  /** True when members receive by MPI Bcast. */
  public boolean bcast() {
    return "bcast".equals(mode);
  }

  /** True with the UDP multicast transport. */
  public boolean udp() {
    return "udp".equals(transport);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
