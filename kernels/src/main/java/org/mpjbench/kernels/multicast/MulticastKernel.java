package org.mpjbench.kernels.multicast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.Outbox;
import org.mpjbench.kernels.mpi.Probe;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Multicast to the group of all ranks.
 *
 * <p>Without total order rank 0 sends every message: in {@code bcast} mode each message is one
 * MPI Bcast; in {@code p2p} mode rank 0 Isends it to every other rank through an {@link Outbox}
 * and the members receive in a loop. With {@code --total-order sequencer} every rank sends its
 * share of the messages (which ids, from {@link MulticastSchedule}) to the sequencer, rank 0, which
 * takes them in arrival order (its own when nothing is waiting), gives each the next global
 * sequence number, delivers it and forwards it to every member (by Bcast or by Isends, after the
 * mode); members hold a message back until every lower sequence number was delivered.
 *
 * <p>Messages ({@code long} arrays of {@code 3 + payloadLongs}): {@code [id, sendHostNanos,
 * sequence, payload...]} with {@link #TAG_DATA} (p2p data), {@link #TAG_SUBMIT} (a sender to the
 * sequencer, sequence -1) and {@link #TAG_ORDERED} (the sequencer's p2p forward). Each rank's
 * delivery order and latencies are gathered to rank 0 and checked by {@link MulticastCheck}.
 * Every receive is bounded by {@code --timeout-ms}.
 *
 * <p>With {@code --transport udp} rank 0 sends each message once as a UDP datagram to an IP
 * multicast group the members joined ({@link UdpMulticastRun}); members count what UDP did
 * (losses, duplicates, reorders, garbage) and, with {@code --reliable}, have what they missed
 * repeated ({@link RepairPlan}).
 *
 * <p>Trace event ({@code --trace}): {@code deliver} on every member for every message, with its
 * {@code id} and {@code sequence} (the sequencer's number with total order, else the id), stamped
 * with the delivery time the latency is measured to.
 */
public final class MulticastKernel implements RankProgram<MulticastResult> {
  /** Tag of a p2p data message from rank 0. */
  public static final int TAG_DATA = 341;
  /** Tag of a message submitted to the sequencer. */
  public static final int TAG_SUBMIT = 342;
  /** Tag of a sequenced message forwarded point to point. */
  public static final int TAG_ORDERED = 343;

  private static final int ROOT = 0;
  private static final int HEADER = 3;
  private static final int FIGURES = 3;

  private final MulticastParameters parameters;
  private long[] order;
  private long[] latencies;
  private int delivered;
  private long lastDeliveryNanos;
  private KernelEvents events = KernelEvents.off();

  /** A kernel that runs with these parameters. */
  public MulticastKernel(MulticastParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public MulticastResult run(RankContext context) throws MPIException {
    if (parameters.udp()) {
      return runUdp(context);
    }
    Intracomm comm = context.comm();
    int size = context.size();
    int messages = parameters.messages();
    int length = HEADER + parameters.payloadLongs();
    events = context.events();
    order = new long[messages];
    latencies = new long[messages];
    Outbox outbox = new Outbox(comm);
    comm.Barrier();
    long start = System.nanoTime();
    lastDeliveryNanos = start;
    long sent;
    if (!parameters.sequenced()) {
      sent = parameters.bcast() ? bcastFromRoot(context, length)
          : p2pFromRoot(context, outbox, length);
    } else {
      sent = sequenced(context, outbox, length);
    }
    outbox.settle(comm, length);
    long[] figures = {sent, delivered, lastDeliveryNanos};
    Gathered gathered = gather(comm, size, figures);
    if (!context.isRoot()) {
      return null;
    }
    long[] allFigures = gathered.figures;
    long totalSent = 0;
    long deliveries = 0;
    long end = start;
    for (int rank = 0; rank < size; rank++) {
      int count = (int) allFigures[FIGURES * rank + 1];
      totalSent += allFigures[FIGURES * rank];
      deliveries += count;
      end = Math.max(end, allFigures[FIGURES * rank + 2]);
      gathered.take(rank, count);
    }
    List<long[]> orders = gathered.orders;
    PropertyCheck check = MulticastCheck.check(messages, orders, parameters.sequenced());
    check.requireHolds();
    long[] allDelivered = gathered.sortedLatencies();
    long duration = Math.max(1, end - start);
    return new MulticastResult(parameters.mode(), parameters.totalOrder(), messages, deliveries,
        duration, deliveries * 1e9 / duration, median(allDelivered),
        allDelivered.length == 0 ? 0 : allDelivered[allDelivered.length - 1], totalSent, check,
        Latencies.of(allDelivered));
  }

  /**
   * The UDP transport ({@link UdpMulticastRun}); then, as with MPI, every rank's delivery order,
   * latencies and figures are gathered to rank 0 and checked.
   */
  private MulticastResult runUdp(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    int messages = parameters.messages();
    events = context.events();
    order = new long[messages];
    latencies = new long[messages];
    UdpMulticastRun udp = new UdpMulticastRun(parameters, context,
        (id, sendNanos) -> deliver(id, sendNanos, id));
    long[] udpFigures;
    try {
      udpFigures = udp.run();
    } catch (IOException e) {
      throw new UncheckedIOException("multicast: rank " + context.rank() + ": " + e.getMessage(),
          e);
    }
    long start = udpFigures[0];
    long[] repaired = udp.repairFigures();
    int width = FIGURES + UdpMulticastRun.FIGURES + 2;
    long[] figures = new long[width];
    figures[0] = udpFigures[6];
    figures[1] = delivered;
    figures[2] = lastDeliveryNanos;
    System.arraycopy(udpFigures, 0, figures, FIGURES, UdpMulticastRun.FIGURES);
    figures[width - 2] = repaired[0];
    figures[width - 1] = repaired[1];
    Gathered gathered = gather(comm, size, figures);
    if (!context.isRoot()) {
      return null;
    }
    long[] allFigures = gathered.figures;
    long[] lostPerRank = new long[size];
    long deliveries = 0;
    long end = start;
    long[] udpSums = new long[UdpMulticastRun.FIGURES];
    for (int rank = 0; rank < size; rank++) {
      int base = width * rank;
      int count = (int) allFigures[base + 1];
      deliveries += count;
      end = Math.max(end, allFigures[base + 2]);
      // Figures 1..5 (received, lost, duplicates, reordered, garbage) are the members' own.
      for (int f = 1; f <= 5; f++) {
        udpSums[f] += allFigures[base + FIGURES + f];
      }
      lostPerRank[rank] = allFigures[base + FIGURES + 2];
      gathered.take(rank, count);
    }
    List<long[]> orders = gathered.orders;
    PropertyCheck check = parameters.reliable() ? MulticastCheck.checkReliable(messages, orders)
        : MulticastCheck.checkUdp(messages, orders, lostPerRank);
    check.requireHolds();
    long[] allDelivered = gathered.sortedLatencies();
    long duration = Math.max(1, end - start);
    long datagramsSent = udpFigures[6];
    return new MulticastResult(parameters.mode(), parameters.totalOrder(), messages, deliveries,
        duration, deliveries * 1e9 / duration, median(allDelivered),
        allDelivered.length == 0 ? 0 : allDelivered[allDelivered.length - 1], datagramsSent,
        check, parameters.transport(), parameters.reliable(),
        parameters.group() + ":" + udp.port(), udp.interfaceName(), datagramsSent, udpSums[1],
        udpSums[2], udpSums[3], udpSums[4], udpSums[5], udpFigures[7], repaired[0],
        repaired[1], Latencies.of(allDelivered));
  }

  /** Rank 0 Bcasts every message; returns the messages this rank sent (K-1 per Bcast). */
  private long bcastFromRoot(RankContext context, int length) throws MPIException {
    long[] message = new long[length];
    for (int id = 0; id < parameters.messages(); id++) {
      if (context.isRoot()) {
        fill(message, id, id);
      }
      context.comm().Bcast(message, 0, length, MPI.LONG, ROOT);
      deliver(message);
    }
    return context.isRoot() ? (long) parameters.messages() * (context.size() - 1) : 0;
  }

  /** Rank 0 Isends every message to every member; members receive them in a loop. */
  private long p2pFromRoot(RankContext context, Outbox outbox, int length) throws MPIException {
    long[] message = new long[length];
    long sent = 0;
    for (int id = 0; id < parameters.messages(); id++) {
      if (context.isRoot()) {
        fill(message, id, id);
        for (int member = 1; member < context.size(); member++) {
          outbox.send(message, length, member, TAG_DATA);
          sent++;
        }
        deliver(message);
        outbox.progress();
      } else {
        await(context.comm(), message, length, ROOT, TAG_DATA, "message " + id);
        deliver(message);
      }
    }
    return sent;
  }

  /** Every rank submits its share to the sequencer, which orders and forwards them. */
  private long sequenced(RankContext context, Outbox outbox, int length) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    int messages = parameters.messages();
    int[] mine = MulticastSchedule.idsOf(
        MulticastSchedule.origins(messages, size, true, parameters.seed()), context.rank());
    long[] message = new long[length];
    long sent = 0;
    if (!context.isRoot()) {
      for (int id : mine) {
        fill(message, id, -1);
        outbox.send(message, length, ROOT, TAG_SUBMIT);
        sent++;
      }
      long[][] held = new long[messages][];
      int nextToDeliver = 0;
      for (int received = 0; received < messages; received++) {
        if (parameters.bcast()) {
          comm.Bcast(message, 0, length, MPI.LONG, ROOT);
        } else {
          await(comm, message, length, ROOT, TAG_ORDERED, "sequenced message " + received);
        }
        int sequence = (int) message[2];
        if (sequence < 0 || sequence >= messages || held[sequence] != null) {
          throw new IllegalStateException("multicast: bad sequence number " + sequence);
        }
        held[sequence] = message.clone();
        while (nextToDeliver < messages && held[nextToDeliver] != null) {
          deliver(held[nextToDeliver]);
          held[nextToDeliver++] = null;
        }
        outbox.progress();
      }
      return sent;
    }
    int own = 0;
    for (int sequence = 0; sequence < messages; sequence++) {
      Status waiting = Probe.iprobe(comm, MPI.ANY_SOURCE, TAG_SUBMIT);
      if (waiting != null) {
        comm.Recv(message, 0, length, MPI.LONG, waiting.source, TAG_SUBMIT);
      } else if (own < mine.length) {
        fill(message, mine[own++], -1);
      } else {
        await(comm, message, length, MPI.ANY_SOURCE, TAG_SUBMIT,
            "submission for sequence number " + sequence);
      }
      message[2] = sequence;
      if (parameters.bcast()) {
        comm.Bcast(message, 0, length, MPI.LONG, ROOT);
      } else {
        for (int member = 1; member < size; member++) {
          outbox.send(message, length, member, TAG_ORDERED);
        }
        outbox.progress();
      }
      sent += size - 1;
      deliver(message);
    }
    return sent;
  }

  /**
   * Gathers every rank's figures (each rank the same number of them), its delivery order (padded
   * with -1 to the number of messages) and its latencies to rank 0. Every rank calls it; only
   * rank 0's answer holds what was gathered.
   */
  private Gathered gather(Intracomm comm, int size, long[] figures) throws MPIException {
    int messages = parameters.messages();
    int width = figures.length;
    long[] padded = Arrays.copyOf(order, messages);
    Arrays.fill(padded, delivered, messages, -1);
    Gathered gathered = new Gathered(messages, new long[width * size],
        new long[messages * size], new long[messages * size]);
    comm.Gather(figures, 0, width, MPI.LONG, gathered.figures, 0, width, MPI.LONG, ROOT);
    comm.Gather(padded, 0, messages, MPI.LONG, gathered.allOrders, 0, messages, MPI.LONG, ROOT);
    comm.Gather(latencies, 0, messages, MPI.LONG, gathered.allLatencies, 0, messages, MPI.LONG,
        ROOT);
    return gathered;
  }

  /**
   * What rank 0 gathered ({@link #gather}); {@link #take} collects each rank's delivery order and
   * latencies, given how many messages that rank delivered.
   */
  private static final class Gathered {
    final int messages;
    final long[] figures;
    final long[] allOrders;
    final long[] allLatencies;
    final List<long[]> orders = new ArrayList<>();
    private long[] delivered = new long[0];

    Gathered(int messages, long[] figures, long[] allOrders, long[] allLatencies) {
      this.messages = messages;
      this.figures = figures;
      this.allOrders = allOrders;
      this.allLatencies = allLatencies;
    }

    /** Adds the delivery order and latencies of this rank, which delivered {@code count}. */
    void take(int rank, int count) {
      orders.add(Arrays.copyOfRange(allOrders, messages * rank, messages * rank + count));
      int from = delivered.length;
      delivered = Arrays.copyOf(delivered, from + count);
      System.arraycopy(allLatencies, messages * rank, delivered, from, count);
    }

    /** Every latency taken, sorted. */
    long[] sortedLatencies() {
      Arrays.sort(delivered);
      return delivered;
    }
  }

  private void fill(long[] message, long id, long sequence) {
    message[0] = id;
    message[1] = System.nanoTime();
    message[2] = sequence;
    for (int i = HEADER; i < message.length; i++) {
      message[i] = id * 31 + i;
    }
  }

  private void deliver(long[] message) {
    deliver(message[0], message[1], message[2]);
  }

  private void deliver(long id, long sendNanos, long sequence) {
    long now = System.nanoTime();
    if (delivered == order.length) {
      throw new IllegalStateException("multicast: more deliveries than messages");
    }
    order[delivered] = id;
    latencies[delivered] = now - sendNanos;
    delivered++;
    lastDeliveryNanos = now;
    events.event("deliver").at(now).with("id", id).with("sequence", sequence).emit();
  }

  private void await(Intracomm comm, long[] message, int length, int source, int tag,
      String what) throws MPIException {
    if (TimedReceive.receive(comm, message, 0, length, MPI.LONG, source, tag,
        System.nanoTime() + parameters.timeoutNanos()) == null) {
      throw new IllegalStateException("multicast: no " + what + " within "
          + parameters.timeoutMs() + " ms");
    }
  }

  /** The median of sorted values (lower middle for an even count); 0 if empty. */
  static long median(long[] sorted) {
    return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
  }
}
