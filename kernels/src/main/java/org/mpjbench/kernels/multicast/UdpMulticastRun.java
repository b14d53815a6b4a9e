package org.mpjbench.kernels.multicast;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.mpi.Probe;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.program.RankContext;

/**
 * One rank's part of a multicast over real UDP/IP multicast ({@code --transport udp}).
 *
 * <p>Rank 0 picks a random run id (and a free port when {@code --udp-port 0}) and tells every
 * rank by MPI Bcast; members join the group on the chosen interface, and a Barrier makes sure all
 * of them joined before rank 0 sends anything, so that a datagram missed is a real loss, not a
 * late join. Rank 0 then sends one datagram per message ({@link UdpDatagram}, TTL 1) and tells
 * every member by MPI that it has finished; a member reads datagrams until that notice came and
 * the socket stayed quiet for {@link #DRAIN_MILLIS}, counting each arrival through a {@link
 * SequenceTracker}. Without {@code --reliable} a member delivers the first copy of each number as
 * it comes (UDP's order). With it, a member delivers in sequence order, holding back what comes
 * early, and the repair rounds of {@link RepairPlan} follow.
 *
 * <p>Why MPI beside UDP: the end notice and the repair requests must not be lost themselves, and
 * MPI is the reliable channel the ranks already have.
 */
final class UdpMulticastRun {
  /** Tag of rank 0's "all datagrams of this pass sent" notice. */
  static final int TAG_END = 344;
  /** Tag of a repair sent by MPI (a count, then the datagrams). */
  static final int TAG_REPAIR = 345;
  /** The figures each rank gives {@link MulticastKernel} to gather, in this order. */
  static final int FIGURES = 9;

  /** How long a member's socket stays quiet after rank 0's end notice before a pass ends. */
  static final long DRAIN_MILLIS = 50;
  /** How long one socket read waits before the member looks for the end notice. */
  private static final int SLICE_MILLIS = 5;
  /** Asked of the kernel (it may give less): room for bursts while a member is descheduled. */
  private static final int RECEIVE_BUFFER_BYTES = 1 << 20;
  private static final int ROOT = 0;

  /** Receives a delivery: message id (= sequence number) and rank 0's send time. */
  interface Delivery {
    void deliver(long id, long sendNanos);
  }

  private final MulticastParameters parameters;
  private final RankContext context;
  private final Delivery delivery;
  private final int datagramBytes;
  private SequenceTracker tracker;
  private long[] sendNanos;
  private int nextInOrder;
  private long received;
  private long garbage;
  private long datagramsSent;
  private long repairRounds;
  private long repairedByMulticast;
  private long repairedByMpi;
  private long[] firstPass;
  private String interfaceName;
  private int port;

  UdpMulticastRun(MulticastParameters parameters, RankContext context, Delivery delivery) {
    this.parameters = parameters;
    this.context = context;
    this.delivery = delivery;
    this.datagramBytes = UdpDatagram.size(parameters.payloadLongs());
  }

  /** The interface's name, once {@link #run()} chose it. */
  String interfaceName() {
    return interfaceName;
  }

  /** The group's port, once {@link #run()} knows it. */
  int port() {
    return port;
  }

  /**
   * Runs this rank's part; the start time is taken after the Barrier that follows the joins.
   * Returns this rank's figures: {@code [start, received, lost, duplicates, reordered, garbage,
   * datagramsSent, repairRounds, repaired]}, received to garbage counting the first pass only
   * (before any repair); {@link #repairFigures()} splits the repaired count.
   */
  long[] run() throws MPIException, IOException {
    Intracomm comm = context.comm();
    int messages = parameters.messages();
    tracker = new SequenceTracker(messages);
    sendNanos = new long[messages];
    long[] shared = new long[2];
    if (context.isRoot()) {
      shared[0] = ThreadLocalRandom.current().nextLong();
      shared[1] = parameters.udpPort() != 0 ? parameters.udpPort() : freePort();
    }
    comm.Bcast(shared, 0, 2, MPI.LONG, ROOT);
    long runId = shared[0];
    port = (int) shared[1];
    InetAddress group = InetAddress.getByName(parameters.group());
    NetworkInterface nif = chooseInterface(comm, group);
    interfaceName = nif.getName();
    try (MulticastSocket socket = open(group, nif)) {
      comm.Barrier();
      long start = System.nanoTime();
      if (context.isRoot()) {
        int[] all = new int[messages];
        Arrays.setAll(all, i -> i);
        multicast(socket, group, runId, all, true);
      } else {
        receivePass(comm, socket, runId, true);
      }
      // What UDP itself did: the repairs below must not blur these figures.
      firstPass = new long[] {received, tracker.lost(), tracker.duplicates(),
          tracker.reordered(), garbage};
      if (parameters.reliable() && context.size() > 1) {
        repair(comm, socket, group, runId);
      }
      return new long[] {start, firstPass[0], firstPass[1], firstPass[2], firstPass[3],
          firstPass[4], datagramsSent, repairRounds, repairedByMulticast + repairedByMpi};
    }
  }

  /** Datagrams rank 0 repeated by multicast and messages it sent by MPI in repairs. */
  long[] repairFigures() {
    return new long[] {repairedByMulticast, repairedByMpi};
  }

  private MulticastSocket open(InetAddress group, NetworkInterface nif) throws IOException {
    MulticastSocket socket;
    if (context.isRoot()) {
      socket = new MulticastSocket();
      // TTL 1: the datagrams stay on the link, as a benchmark on the test hosts' bridge must.
      socket.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
      socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
      // Members on rank 0's own host receive only through the multicast loop.
      socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
      return socket;
    }
    socket = new MulticastSocket(null);
    try {
      socket.setReuseAddress(true);
      socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
      socket.bind(new InetSocketAddress(port));
      socket.joinGroup(new InetSocketAddress(group, port), nif);
      socket.setSoTimeout(SLICE_MILLIS);
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw new IOException("multicast: rank " + context.rank() + " could not join "
          + parameters.group() + ":" + port + " on interface " + nif.getName() + ": " + e, e);
    }
  }

  /**
   * Rank 0 sends the datagrams of {@code ids}, then the end notice. A first send stamps the send
   * time and delivers to rank 0 itself; a repeat carries the first send's time, so that a repaired
   * message's latency includes the repair.
   */
  private void multicast(MulticastSocket socket, InetAddress group, long runId, int[] ids,
      boolean first) throws IOException, MPIException {
    byte[] buffer = new byte[datagramBytes];
    DatagramPacket packet = new DatagramPacket(buffer, datagramBytes, group, port);
    for (int id : ids) {
      if (first) {
        sendNanos[id] = System.nanoTime();
      }
      UdpDatagram.encode(buffer, runId, id, sendNanos[id], parameters.payloadLongs());
      socket.send(packet);
      datagramsSent++;
      if (first) {
        tracker.arrive(id);
        delivery.deliver(id, sendNanos[id]);
      }
    }
    long[] notice = {ids.length};
    for (int member = 1; member < context.size(); member++) {
      context.comm().Send(notice, 0, 1, MPI.LONG, member, TAG_END);
    }
  }

  /**
   * A member reads datagrams until rank 0's end notice came and the socket then stayed quiet for
   * {@link #DRAIN_MILLIS}; fails when nothing at all comes within {@code --timeout-ms}.
   */
  private void receivePass(Intracomm comm, MulticastSocket socket, long runId, boolean first)
      throws IOException, MPIException {
    byte[] buffer = new byte[datagramBytes + 1];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    long lastActivity = System.nanoTime();
    long endAt = 0;
    boolean ended = false;
    long drainNanos = TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
    long[] notice = new long[1];
    long receivedBefore = received;
    boolean done = false;
    while (!done) {
      try {
        packet.setLength(buffer.length);
        socket.receive(packet);
        lastActivity = System.nanoTime();
        accept(buffer, packet.getLength(), runId);
        continue;
      } catch (SocketTimeoutException quiet) {
        // Nothing for a slice: time to look at the MPI side.
      }
      long now = System.nanoTime();
      if (!ended && Probe.iprobe(comm, ROOT, TAG_END) != null) {
        comm.Recv(notice, 0, 1, MPI.LONG, ROOT, TAG_END);
        ended = true;
        endAt = now;
      }
      if (ended) {
        done = now - Math.max(endAt, lastActivity) >= drainNanos;
      } else if (now - lastActivity > parameters.timeoutNanos()) {
        throw new IllegalStateException("multicast: rank " + context.rank() + " got no datagram"
            + " and no end notice within " + parameters.timeoutMs() + " ms");
      }
    }
    if (first && notice[0] > 0 && received == receivedBefore) {
      throw new IllegalStateException(String.format(Locale.ROOT,
          "multicast: rank %d received none of the %d datagrams rank 0 sent to %s:%d on"
              + " interface %s: multicast is likely not routed on that interface (try"
              + " --interface)", context.rank(), notice[0], parameters.group(), port,
          interfaceName));
    }
  }

  /** One datagram read: garbage is counted and dropped, a new number delivered or held back. */
  private void accept(byte[] buffer, int length, long runId) {
    UdpDatagram.Decoded decoded =
        UdpDatagram.decode(buffer, length, runId, parameters.payloadLongs());
    if (decoded == null) {
      garbage++;
      return;
    }
    received++;
    SequenceTracker.Arrival arrival = tracker.arrive(decoded.sequence());
    if (arrival == SequenceTracker.Arrival.INVALID) {
      garbage++;
      return;
    }
    if (arrival == SequenceTracker.Arrival.DUPLICATE) {
      return;
    }
    int sequence = (int) decoded.sequence();
    sendNanos[sequence] = decoded.sendNanos();
    if (!parameters.reliable()) {
      delivery.deliver(sequence, decoded.sendNanos());
      return;
    }
    while (nextInOrder < tracker.messages() && tracker.has(nextInOrder)) {
      delivery.deliver(nextInOrder, sendNanos[nextInOrder]);
      nextInOrder++;
    }
  }

  /**
   * Repair rounds: members' missing bitmaps gathered at rank 0, which repeats their union by
   * multicast for {@code --repair-rounds} rounds and then sends each member the rest by MPI; ends
   * when no member misses anything.
   */
  private void repair(Intracomm comm, MulticastSocket socket, InetAddress group, long runId)
      throws MPIException, IOException {
    int messages = parameters.messages();
    int words = RepairPlan.words(messages);
    int size = context.size();
    long[] all = new long[words * size];
    long[] count = new long[1];
    for (int round = 0; ; round++) {
      long[] mine = context.isRoot() ? new long[words] : tracker.missingBitmap();
      comm.Gather(mine, 0, words, MPI.LONG, all, 0, words, MPI.LONG, ROOT);
      long[] union = context.isRoot() ? RepairPlan.union(all, words, size) : null;
      count[0] = context.isRoot() ? RepairPlan.count(union) : 0;
      comm.Bcast(count, 0, 1, MPI.LONG, ROOT);
      if (count[0] == 0) {
        return;
      }
      if (round > parameters.repairRounds()) {
        // The MPI round gives every member all it misses; anything left is a bug, not a loss.
        throw new IllegalStateException("multicast: " + count[0] + " message(s) still missing"
            + " after the repair by MPI");
      }
      repairRounds++;
      if (RepairPlan.byMulticast(round, parameters.repairRounds())) {
        if (context.isRoot()) {
          int[] ids = RepairPlan.ids(union, messages);
          multicast(socket, group, runId, ids, false);
          repairedByMulticast += ids.length;
        } else {
          receivePass(comm, socket, runId, false);
        }
      } else if (context.isRoot()) {
        for (int member = 1; member < size; member++) {
          sendByMpi(comm, member, RepairPlan.ids(RepairPlan.of(all, words, member), messages),
              runId);
        }
      } else {
        receiveByMpi(comm, runId);
      }
    }
  }

  private void sendByMpi(Intracomm comm, int member, int[] ids, long runId)
      throws MPIException {
    long[] count = {ids.length};
    comm.Send(count, 0, 1, MPI.LONG, member, TAG_REPAIR);
    if (ids.length == 0) {
      return;
    }
    byte[] all = new byte[ids.length * datagramBytes];
    byte[] one = new byte[datagramBytes];
    for (int i = 0; i < ids.length; i++) {
      UdpDatagram.encode(one, runId, ids[i], sendNanos[ids[i]], parameters.payloadLongs());
      System.arraycopy(one, 0, all, i * datagramBytes, datagramBytes);
    }
    comm.Send(all, 0, all.length, MPI.BYTE, member, TAG_REPAIR);
    repairedByMpi += ids.length;
  }

  private void receiveByMpi(Intracomm comm, long runId) throws MPIException {
    long[] count = new long[1];
    long deadline = System.nanoTime() + parameters.timeoutNanos();
    if (TimedReceive.receive(comm, count, 0, 1, MPI.LONG, ROOT, TAG_REPAIR, deadline) == null) {
      throw new IllegalStateException("multicast: no repair from rank 0 within "
          + parameters.timeoutMs() + " ms");
    }
    if (count[0] == 0) {
      return;
    }
    byte[] all = new byte[(int) count[0] * datagramBytes];
    if (TimedReceive.receive(comm, all, 0, all.length, MPI.BYTE, ROOT, TAG_REPAIR, deadline)
        == null) {
      throw new IllegalStateException("multicast: no repaired datagrams from rank 0 within "
          + parameters.timeoutMs() + " ms");
    }
    byte[] one = new byte[datagramBytes];
    for (int i = 0; i < count[0]; i++) {
      System.arraycopy(all, i * datagramBytes, one, 0, datagramBytes);
      accept(one, datagramBytes, runId);
    }
  }

  /**
   * {@code --interface auto}: loopback when every rank runs on rank 0's host (datagrams then never
   * leave it), else the interface of the address this host would send to the group from (asked of
   * the routing table by connecting a UDP socket, which sends nothing).
   */
  private NetworkInterface chooseInterface(Intracomm comm, InetAddress group)
      throws MPIException, IOException {
    String name = parameters.networkInterface();
    if (!"auto".equals(name)) {
      NetworkInterface nif = NetworkInterface.getByName(name);
      if (nif == null) {
        throw new IllegalArgumentException("--interface " + name + ": no such interface on "
            + hostName());
      }
      return nif;
    }
    long[] mine = {hostHash(hostName())};
    long[] hosts = new long[context.size()];
    comm.Allgather(mine, 0, 1, MPI.LONG, hosts, 0, 1, MPI.LONG);
    if (Arrays.stream(hosts).allMatch(h -> h == hosts[0])) {
      return NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
    }
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(group, port);
      InetAddress local = probe.getLocalAddress();
      NetworkInterface nif = local == null ? null : NetworkInterface.getByInetAddress(local);
      if (nif == null) {
        throw new IllegalStateException("multicast: " + hostName() + " has no route to "
            + parameters.group() + " (give --interface)");
      }
      return nif;
    }
  }

  /** A 64-bit FNV-1a hash of a host name: equal names, equal hashes; a clash is negligible. */
  static long hostHash(String host) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : host.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }
    return hash;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static int freePort() throws IOException {
    try (DatagramSocket probe = new DatagramSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
