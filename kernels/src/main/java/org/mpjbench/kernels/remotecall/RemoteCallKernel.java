package org.mpjbench.kernels.remotecall;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.naming.NameCodec;
import org.mpjbench.kernels.naming.NameServer;
import org.mpjbench.kernels.naming.NameServerExchange;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Remote invocation over MPJ ranks. Rank 0 runs a registry ({@link NameServer}); the service rank
 * (the highest; rank 0 itself with one rank) registers {@link SqrtService#NAME} at address {@code
 * serviceRank << 32}. After a barrier every client (every rank but the service) looks the name up
 * (rank 0 in its own registry) and learns the service's rank from the address. After a baseline
 * ping-pong between the service and each client, every client makes {@code calls} calls one at a
 * time; the service answers them from any client in arrival order. With one rank, rank 0 registers,
 * looks up and calls through the same logic, without messages. Replies are gathered and {@link
 * RemoteCallCheck} verifies each.
 *
 * <p>Messages ({@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_REGISTER}/{@link #TAG_RESOLVE} to the registry: {@code [sequence, address,
 *       name (NameCodec.WORDS)]}; answers {@link #TAG_REGISTERED}/{@link #TAG_RESOLVED}: {@code
 *       [sequence, status or found, value]}
 *   <li>{@link #TAG_CALL} client to service: {@code [callId, argument as double bits]}
 *   <li>{@link #TAG_REPLY} service to client: {@code [callId, result as double bits, status]}
 *   <li>{@link #TAG_PING}/{@link #TAG_PONG}: {@code [sequence]}, the baseline (not counted)
 * </ul>
 *
 * Requests and replies alternate strictly, so blocking sends cannot deadlock; every wait is bounded
 * by {@code --timeout-ms}.
 *
 * <p>Trace events ({@code --trace}, with two ranks or more): {@code register} on the service, {@code
 * lookup} on each client ({@code name}, {@code result} hit or miss, the {@code service} rank), and
 * per call on the client {@code call} ({@code id}, {@code argument}) just before the timed round trip
 * and {@code reply} ({@code id}, {@code status}, {@code rttNanos}) just after it.
 */
public final class RemoteCallKernel implements RankProgram<RemoteCallResult> {
  /** Tag of the service's registration. */
  public static final int TAG_REGISTER = 401;
  /** Tag of the registry's answer to a registration. */
  public static final int TAG_REGISTERED = 402;
  /** Tag of a lookup. */
  public static final int TAG_RESOLVE = 403;
  /** Tag of the registry's answer to a lookup. */
  public static final int TAG_RESOLVED = 404;
  /** Tag of a call. */
  public static final int TAG_CALL = 405;
  /** Tag of a call's reply. */
  public static final int TAG_REPLY = 406;
  /** Tag of a baseline ping. */
  public static final int TAG_PING = 407;
  /** Tag of a baseline pong. */
  public static final int TAG_PONG = 408;

  private static final int REGISTRY = 0;
  private static final int REQUEST_LONGS = NameServerExchange.REQUEST_LONGS;
  /** The exchange with the registry, on this kernel's tags. */
  private static final NameServerExchange REGISTRY_EXCHANGE =
      new NameServerExchange(TAG_REGISTER, TAG_REGISTERED, TAG_RESOLVE, TAG_RESOLVED);
  private static final int CALL_LONGS = 2;
  private static final int BASELINE_WARMUP_EXCHANGES = 20;
  private static final int BASELINE_EXCHANGES = 50;

  private static final int FIGURES = 3;
  private static final int F_MESSAGES = 0;
  private static final int F_CALL_PHASE_NANOS = 1;
  private static final int F_RECEIVED = 2;

  private final RemoteCallParameters parameters;

  /** A kernel that runs with these parameters. */
  public RemoteCallKernel(RemoteCallParameters parameters) {
    this.parameters = parameters;
  }

  /** The service rank of a run with {@code size} ranks. */
  public static int serviceRank(int size) {
    return size - 1;
  }

  /** The client ranks of a run with {@code size} ranks: all but the service; rank 0 alone. */
  public static List<Integer> clients(int size) {
    List<Integer> clients = new ArrayList<>();
    for (int rank = 0; rank < size; rank++) {
      if (size == 1 || rank != serviceRank(size)) {
        clients.add(rank);
      }
    }
    return clients;
  }

  @Override
  public RemoteCallResult run(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    int rank = context.rank();
    int service = serviceRank(size);
    int calls = parameters.calls();
    long[] figures = new long[FIGURES];
    long[] replies = new long[SqrtService.REPLY_LONGS * calls];
    long[] roundTrips = new long[calls];
    NameServer registry = context.isRoot() ? new NameServer() : null;

    // Registration.
    long serviceAddress = (long) service << 32;
    if (size == 1) {
      requireOk(registry.register(SqrtService.NAME, serviceAddress));
    } else if (context.isRoot()) {
      figures[F_MESSAGES] += serveRegistry(comm, registry, TAG_REGISTER, 1);
    } else if (rank == service) {
      long[] reply = askRegistry(comm, TAG_REGISTER, serviceAddress);
      requireOk(reply[1]);
      context.events().event("register").with("name", SqrtService.NAME)
          .with("address", serviceAddress).emit();
      figures[F_MESSAGES] += 1; // the request; the registry counts its answer
    }
    comm.Barrier();

    // Lookup.
    int target = -1;
    if (context.isRoot()) {
      NameServer.Resolution found = registry.resolve(SqrtService.NAME);
      target = targetOf(found.found(), found.value());
      if (size > 2) {
        figures[F_MESSAGES] += serveRegistry(comm, registry, TAG_RESOLVE, size - 2);
      }
    } else if (rank != service) {
      long[] reply = askRegistry(comm, TAG_RESOLVE, 0);
      context.events().event("lookup").with("name", SqrtService.NAME)
          .with("result", reply[1] == 1 ? "hit" : "miss").with("service", reply[2] >>> 32).emit();
      target = targetOf(reply[1] == 1, reply[2]);
      figures[F_MESSAGES] += 1; // the request; the registry counts its answer
    }
    comm.Barrier();

    long baseline = baselinePingPong(context, service);
    comm.Barrier();

    // Calls.
    if (size == 1) {
      figures[F_RECEIVED] = callLocally(figures, replies, roundTrips);
    } else if (rank == service) {
      figures[F_MESSAGES] += serveCalls(comm, (long) (size - 1) * calls);
    } else {
      figures[F_RECEIVED] = call(context, target, figures, replies, roundTrips);
      figures[F_MESSAGES] += calls; // the requests; the service counts the replies
    }
    return gather(context, figures, replies, roundTrips, baseline);
  }

  private static void requireOk(long status) {
    if (status != NameServer.STATUS_OK) {
      throw new IllegalStateException("remote-call: the registry refused \"" + SqrtService.NAME
          + "\" with status " + status);
    }
  }

  private static int targetOf(boolean found, long value) {
    if (!found) {
      throw new IllegalStateException("remote-call: the registry does not know \""
          + SqrtService.NAME + "\" (miss reason " + value + ")");
    }
    return (int) (value >>> 32);
  }

  private long[] askRegistry(Intracomm comm, int tag, long address) throws MPIException {
    long[] request = new long[REQUEST_LONGS];
    request[1] = address;
    NameCodec.encode(SqrtService.NAME, request, 2);
    long[] reply = REGISTRY_EXCHANGE.ask(comm, REGISTRY, request, tag, parameters.timeoutNanos());
    if (reply == null) {
      throw new IllegalStateException("remote-call: no answer from the registry within "
          + parameters.timeoutMs() + " ms");
    }
    return reply;
  }

  private long serveRegistry(Intracomm comm, NameServer registry, int tag, long expected)
      throws MPIException {
    return REGISTRY_EXCHANGE.serve(comm, registry, tag, expected, parameters.timeoutNanos(),
        (due, all) -> "remote-call: the registry waited " + parameters.timeoutMs() + " ms with "
            + due + " request(s) due");
  }

  /** Median one-long ping-pong between the service and each client in turn; 0 with one rank. */
  private long baselinePingPong(RankContext context, int service) throws MPIException {
    return PingPong.medianRoundTripNanos(context.comm(), context.rank(), context.size(), service,
        BASELINE_WARMUP_EXCHANGES, BASELINE_EXCHANGES, TAG_PING, TAG_PONG,
        new PingPong.Receiving(parameters.timeoutNanos(), "remote-call"));
  }

  private long serveCalls(Intracomm comm, long expected) throws MPIException {
    long[] request = new long[CALL_LONGS];
    long[] reply = new long[SqrtService.REPLY_LONGS];
    for (long served = 0; served < expected; served++) {
      Status status = TimedReceive.receive(comm, request, 0, CALL_LONGS, MPI.LONG,
          MPI.ANY_SOURCE, TAG_CALL, deadline());
      if (status == null) {
        throw new IllegalStateException("remote-call: the service waited "
            + parameters.timeoutMs() + " ms for a call, with " + (expected - served) + " of "
            + expected + " still expected");
      }
      SqrtService.answer(request[0], request[1], reply);
      comm.Send(reply, 0, SqrtService.REPLY_LONGS, MPI.LONG, status.source, TAG_REPLY);
    }
    return expected;
  }

  /** A client's calls to the service at {@code target}; returns replies received. */
  private int call(RankContext context, int target, long[] figures, long[] replies,
      long[] roundTrips) throws MPIException {
    Intracomm comm = context.comm();
    double[] arguments = CallWorkload.arguments(parameters.seed(), context.rank(),
        parameters.calls(), parameters.negativeRatio());
    long[] request = new long[CALL_LONGS];
    KernelEvents events = context.events();
    long start = System.nanoTime();
    for (int i = 0; i < arguments.length; i++) {
      request[0] = i;
      request[1] = Double.doubleToRawLongBits(arguments[i]);
      events.event("call").with("id", i).with("argument", arguments[i]).emit();
      long sent = System.nanoTime();
      comm.Send(request, 0, CALL_LONGS, MPI.LONG, target, TAG_CALL);
      if (TimedReceive.receive(comm, replies, SqrtService.REPLY_LONGS * i,
          SqrtService.REPLY_LONGS, MPI.LONG, target, TAG_REPLY, deadline()) == null) {
        throw new IllegalStateException("remote-call: no reply from the service within "
            + parameters.timeoutMs() + " ms to call " + i);
      }
      roundTrips[i] = System.nanoTime() - sent;
      events.event("reply").with("id", i)
          .with("status", replies[SqrtService.REPLY_LONGS * i + 2])
          .with("rttNanos", roundTrips[i]).emit();
    }
    figures[F_CALL_PHASE_NANOS] = System.nanoTime() - start;
    return arguments.length;
  }

  /** One rank: rank 0 calls its own service object through the same logic. */
  private int callLocally(long[] figures, long[] replies, long[] roundTrips) {
    double[] arguments = CallWorkload.arguments(parameters.seed(), 0, parameters.calls(),
        parameters.negativeRatio());
    long[] reply = new long[SqrtService.REPLY_LONGS];
    long start = System.nanoTime();
    for (int i = 0; i < arguments.length; i++) {
      long sent = System.nanoTime();
      SqrtService.answer(i, Double.doubleToRawLongBits(arguments[i]), reply);
      roundTrips[i] = System.nanoTime() - sent;
      System.arraycopy(reply, 0, replies, SqrtService.REPLY_LONGS * i, SqrtService.REPLY_LONGS);
    }
    figures[F_CALL_PHASE_NANOS] = System.nanoTime() - start;
    return arguments.length;
  }

  private long deadline() {
    return System.nanoTime() + parameters.timeoutNanos();
  }

  private RemoteCallResult gather(RankContext context, long[] figures, long[] replies,
      long[] roundTrips, long baseline) throws MPIException {
    int size = context.size();
    int calls = roundTrips.length;
    Intracomm comm = context.comm();
    long[] allFigures = new long[FIGURES * size];
    long[] allReplies = new long[replies.length * size];
    long[] allRoundTrips = new long[calls * size];
    long[] baselines = new long[size];
    comm.Gather(figures, 0, FIGURES, MPI.LONG, allFigures, 0, FIGURES, MPI.LONG, 0);
    comm.Gather(replies, 0, replies.length, MPI.LONG, allReplies, 0, replies.length, MPI.LONG, 0);
    comm.Gather(roundTrips, 0, calls, MPI.LONG, allRoundTrips, 0, calls, MPI.LONG, 0);
    comm.Gather(new long[] {baseline}, 0, 1, MPI.LONG, baselines, 0, 1, MPI.LONG, 0);
    if (!context.isRoot()) {
      return null;
    }
    long messages = 0;
    long longestPhase = 0;
    for (int rank = 0; rank < size; rank++) {
      messages += allFigures[FIGURES * rank + F_MESSAGES];
      longestPhase = Math.max(longestPhase, allFigures[FIGURES * rank + F_CALL_PHASE_NANOS]);
    }
    List<Integer> clients = clients(size);
    List<RemoteCallCheck.ClientTrace> traces = new ArrayList<>();
    long[] clientRoundTrips = new long[clients.size() * calls];
    long errors = 0;
    for (int c = 0; c < clients.size(); c++) {
      int rank = clients.get(c);
      long[] mine = Arrays.copyOfRange(allReplies, replies.length * rank,
          replies.length * (rank + 1));
      int received = (int) allFigures[FIGURES * rank + F_RECEIVED];
      for (int r = 0; r < received; r++) {
        errors += mine[SqrtService.REPLY_LONGS * r + 2] == SqrtService.STATUS_NEGATIVE_ARGUMENT
            ? 1 : 0;
      }
      traces.add(new RemoteCallCheck.ClientTrace(rank, CallWorkload.arguments(parameters.seed(),
          rank, calls, parameters.negativeRatio()), mine, received));
      System.arraycopy(allRoundTrips, calls * rank, clientRoundTrips, c * calls, calls);
    }
    PropertyCheck check = RemoteCallCheck.check(traces);
    check.requireHolds();
    long total = (long) clients.size() * calls;
    double perSecond = longestPhase == 0 ? 0 : total * 1e9 / longestPhase;
    return new RemoteCallResult(clients.size(), serviceRank(size), total, errors, perSecond,
        PingPong.median(clientRoundTrips), Arrays.stream(clientRoundTrips).max().orElse(0),
        baselines[serviceRank(size)], messages, check, Latencies.of(clientRoundTrips));
  }
}
