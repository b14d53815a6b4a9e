package org.mpjbench.kernels.multicast;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole multicast run as rank 0 reports it. The UDP figures count the members' (ranks 1 and up)
 * first pass, before any repair: what UDP itself did.
 *
 * @param mode {@code bcast} or {@code p2p}
 * @param totalOrder {@code none} or {@code sequencer}
 * @param multicasts messages multicast to the group
 * @param deliveries deliveries over all members (multicasts times ranks when all went well)
 * @param durationNanos from the common start (after a Barrier) to the last delivery of any member
 * @param deliveriesPerSecond {@code deliveries / duration}
 * @param medianLatencyNanos median over all deliveries of delivery time minus send time (the ranks
 *     share the host's monotonic clock)
 * @param maxLatencyNanos largest such latency
 * @param messages MPI messages the algorithm sent, counted by the ranks (a Bcast counts as one
 *     message per other member; submissions to the sequencer count one each); with {@code udp},
 *     the datagrams rank 0 sent (first sends and multicast repeats)
 * @param check the verdict of {@link MulticastCheck}
 * @param transport {@code mpi} or {@code udp}
 * @param reliable whether the UDP transport repaired losses
 * @param group {@code address:port} of the UDP multicast group; null with {@code mpi}
 * @param networkInterface the interface rank 0 sent on; null with {@code mpi}
 * @param udpDatagramsSent datagrams rank 0 sent, repeats included
 * @param udpDatagramsReceived datagrams of this run the members read, duplicates included,
 *     first pass
 * @param udpLost sum over members of the messages their first pass never received
 * @param udpDuplicates copies of an already received number, over members, first pass
 * @param udpReordered first copies that came after a higher number, over members, first pass
 * @param udpGarbage datagrams dropped unread: wrong size, magic, run (foreign), CRC, payload or
 *     sequence number, over members, first pass
 * @param repairRounds repair rounds run (reliable mode)
 * @param repairedByMulticast datagrams rank 0 repeated by multicast in repairs
 * @param repairedByMpi messages rank 0 sent members by MPI in the last repair round
 * @param latency the distribution of every delivery's latency (delivery time minus send time),
 *     the deliveries of {@code medianLatencyNanos}, either transport; {@link Latencies#NONE}
 *     without a delivery, null in result files written before it
 */
public record MulticastResult(
    String mode,
    String totalOrder,
    long multicasts,
    long deliveries,
    long durationNanos,
    double deliveriesPerSecond,
    long medianLatencyNanos,
    long maxLatencyNanos,
    long messages,
    PropertyCheck check,
    String transport,
    boolean reliable,
    String group,
    String networkInterface,
    long udpDatagramsSent,
    long udpDatagramsReceived,
    long udpLost,
    long udpDuplicates,
    long udpReordered,
    long udpGarbage,
    long repairRounds,
    long repairedByMulticast,
    long repairedByMpi,
    Latencies latency) {

  /** A result of the MPI transport (no UDP figures). */
  public MulticastResult(String mode, String totalOrder, long multicasts, long deliveries,
      long durationNanos, double deliveriesPerSecond, long medianLatencyNanos,
      long maxLatencyNanos, long messages, PropertyCheck check, Latencies latency) {
    this(mode, totalOrder, multicasts, deliveries, durationNanos, deliveriesPerSecond,
        medianLatencyNanos, maxLatencyNanos, messages, check, "mpi", false, null, null,
        0, 0, 0, 0, 0, 0, 0, 0, 0, latency);
  }

  /** A result of the MPI transport without a latency distribution (as before it was kept). */
  public MulticastResult(String mode, String totalOrder, long multicasts, long deliveries,
      long durationNanos, double deliveriesPerSecond, long medianLatencyNanos,
      long maxLatencyNanos, long messages, PropertyCheck check) {
    this(mode, totalOrder, multicasts, deliveries, durationNanos, deliveriesPerSecond,
        medianLatencyNanos, maxLatencyNanos, messages, check, null);
  }

  /** True with the UDP transport. */
  public boolean udp() {
    return "udp".equals(transport);
  }
}
