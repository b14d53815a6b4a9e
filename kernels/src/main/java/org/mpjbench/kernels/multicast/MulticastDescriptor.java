package org.mpjbench.kernels.multicast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.Rates;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * Multicast to the group, {@code mpjbench run multicast}: its options ({@link MulticastOptions}),
 * its program ({@link MulticastKernel}), its figures and its summary. Its bench case is the
 * default one: the default run, from 1 rank.
 */
public final class MulticastDescriptor extends BaseDescriptor<MulticastParameters, MulticastResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public MulticastDescriptor() {
    super("multicast", MulticastParameters.class, MulticastResult.class,
        MulticastParameters.DEFAULTS,
        MulticastOptions::new, MulticastKernel::new,
        // A multicast to the group; its latency runs from the send to a member's delivery.
        new FigureMeaning("multicast", "send to delivery", true, null),
        "Multicast to the group of all ranks, over MPI or real UDP multicast.",
        "Rank 0 sends --messages messages, each by one MPI Bcast (--mode bcast) or by an",
        "Isend to every member (--mode p2p). With --total-order sequencer every rank",
        "sends its share (a seeded interleaving) to rank 0, the sequencer, which numbers",
        "them and forwards them to all; members deliver in sequence order. Property:",
        "every member delivers every message exactly once (and, with total order, all in",
        "the same order).",
        "With --transport udp rank 0 sends each message once as a UDP datagram (TTL 1) to",
        "the IP multicast group --group:--udp-port, which the members joined; they count",
        "deliveries, losses, duplicates, reorders and garbage by sequence number.",
        "Property: no corrupted or foreign datagram delivered, figures reported. With",
        "--reliable members report what they missed and rank 0 repeats it (by multicast,",
        "then by MPI): every member delivers every message exactly once, in order.");
  }

  /**
   * The multicasts and their rate (multicasts, not deliveries, per second: an operation is a
   * multicast); the headline gives the deliveries.
   */
  @Override
  public Figures figures(MulticastResult result, int ranks) {
    Double perSecond = result.durationNanos() <= 0 ? null
        : result.multicasts() * 1e9 / result.durationNanos();
    String headline = result.deliveries() + " deliveries, median latency "
        + Durations.nanos(result.medianLatencyNanos()) + ", "
        + Rates.perSecond(result.deliveriesPerSecond()) + " deliveries/s";
    if (result.udp()) {
      headline += String.format(Locale.ROOT, "; udp lost %d, duplicates %d, reordered %d%s",
          result.udpLost(), result.udpDuplicates(), result.udpReordered(),
          result.reliable() ? ", repaired" : "");
    }
    return new Figures(result.check(), result.messages(), result.multicasts(),
        result.medianLatencyNanos(), perSecond, null, headline, result.latency());
  }

  @Override
  public List<String> summary(MulticastParameters parameters, MulticastResult result,
      RunInfo run) {
    List<String> lines = new ArrayList<>();
    if (result.udp()) {
      lines.add(String.format(Locale.ROOT, "multicast: %d ranks, %s, udp%s to %s on %s, in %.2f s",
          run.ranks(), run.device(), result.reliable() ? " reliable" : "", result.group(),
          result.networkInterface(), run.wallTimeSeconds()));
    } else {
      lines.add(String.format(Locale.ROOT, "multicast: %d ranks, %s, mode %s, total order %s,"
          + " in %.2f s", run.ranks(), run.device(), result.mode(), result.totalOrder(),
          run.wallTimeSeconds()));
    }
    lines.add(SummaryLines.property(result.check()));
    lines.add(String.format(Locale.ROOT,
        "  deliveries   %,d of %,d messages in %s: %,.0f deliveries/s",
        result.deliveries(), result.multicasts(), Durations.nanos(result.durationNanos()),
        result.deliveriesPerSecond()));
    Latencies l = result.latency();
    if (l == null) {
      lines.add(String.format(Locale.ROOT, "  latency      send to delivery median %s, max %s",
          Durations.nanos(result.medianLatencyNanos()),
          Durations.nanos(result.maxLatencyNanos())));
    } else {
      lines.add("  latency      send to delivery median "
          + Durations.nanos(result.medianLatencyNanos()) + "; " + SummaryLines.percentiles(l));
    }
    if (!result.udp()) {
      lines.add(String.format(Locale.ROOT, "  messages     %,d", result.messages()));
      return lines;
    }
    lines.add(String.format(Locale.ROOT, "  datagrams    %,d sent (TTL 1), %,d received by %d"
        + " member(s)", result.udpDatagramsSent(), result.udpDatagramsReceived(),
        run.ranks() - 1));
    lines.add(String.format(Locale.ROOT, "  udp          lost %,d, duplicates %,d, reordered %,d,"
        + " garbage %,d (members' first pass)", result.udpLost(), result.udpDuplicates(),
        result.udpReordered(), result.udpGarbage()));
    if (result.reliable()) {
      lines.add(String.format(Locale.ROOT, "  repair       %d round(s): %,d repeated by multicast,"
          + " %,d sent by MPI", result.repairRounds(), result.repairedByMulticast(),
          result.repairedByMpi()));
    }
    return lines;
  }
}
