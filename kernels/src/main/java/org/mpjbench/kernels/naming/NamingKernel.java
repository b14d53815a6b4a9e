package org.mpjbench.kernels.naming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A name server over MPJ ranks. Rank 0 runs {@link NameServer}; every other rank registers its
 * {@code names} names (one request at a time, each acknowledged), then, after a barrier (every
 * name is then bound), resolves its {@code lookups} names one at a time. With one rank, rank 0
 * registers and resolves its own names through the same server logic, without messages. The
 * answers are gathered to rank 0 and {@link NamingCheck} compares them to the ground truth of
 * {@link NamingWorkload}.
 *
 * <p>Messages ({@code long} arrays; a name is {@link NameCodec#WORDS} longs):
 *
 * <ul>
 *   <li>{@link #TAG_REGISTER} client to server: {@code [sequence, address, name...]}
 *   <li>{@link #TAG_REGISTERED} server to client: {@code [sequence, status, 0]}
 *   <li>{@link #TAG_RESOLVE} client to server: {@code [sequence, 0, name...]}
 *   <li>{@link #TAG_RESOLVED} server to client: {@code [sequence, found (1) or miss (0), address or
 *       reason]}
 * </ul>
 *
 * Requests and replies alternate strictly (one outstanding request per client, the server answers
 * the client it just heard from, which is waiting), so blocking sends cannot deadlock. Every wait
 * is bounded by {@code --timeout-ms}.
 *
 * <p>Trace events ({@code --trace}) of the clients, after each answer (outside the timed round
 * trip): {@code register} ({@code name}, {@code address}) and {@code lookup} ({@code name}, {@code
 * result} {@code hit} or {@code miss}, {@code value}: the address or the miss reason, {@code
 * rttNanos}).
 */
public final class NamingKernel implements RankProgram<NamingResult> {
  /** Tag of a registration. */
  public static final int TAG_REGISTER = 381;
  /** Tag of the server's answer to a registration. */
  public static final int TAG_REGISTERED = 382;
  /** Tag of a resolution request. */
  public static final int TAG_RESOLVE = 383;
  /** Tag of the server's answer to a resolution. */
  public static final int TAG_RESOLVED = 384;

  /** Longs of a request: sequence, address, name. */
  public static final int REQUEST_LONGS = NameServerExchange.REQUEST_LONGS;
  /** Longs of a reply: sequence, status, value. */
  public static final int REPLY_LONGS = NameServerExchange.REPLY_LONGS;

  /** The exchange with the name server, on this kernel's tags. */
  private static final NameServerExchange EXCHANGE =
      new NameServerExchange(TAG_REGISTER, TAG_REGISTERED, TAG_RESOLVE, TAG_RESOLVED);

  private static final int SERVER = 0;
  private static final int FIGURES = 3;
  private static final int F_MESSAGES = 0;
  private static final int F_LOOKUP_PHASE_NANOS = 1;
  private static final int F_REGISTERED = 2;

  private final NamingParameters parameters;

  /** A kernel that runs with these parameters. */
  public NamingKernel(NamingParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public NamingResult run(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    int lookups = parameters.lookups();
    NamingWorkload workload = new NamingWorkload(parameters.seed(), size, parameters.names(),
        lookups, parameters.missRatio());
    long[] figures = new long[FIGURES];
    long[] answers = new long[2 * lookups];
    long[] roundTrips = new long[lookups];

    if (size == 1) {
      NameServer server = new NameServer();
      for (int i = 0; i < parameters.names(); i++) {
        requireRegistered(server.register(workload.name(0, i), NamingWorkload.address(0, i)),
            workload.name(0, i));
      }
      List<NamingWorkload.Lookup> mine = workload.lookups(0);
      long start = System.nanoTime();
      for (int j = 0; j < lookups; j++) {
        long sent = System.nanoTime();
        NameServer.Resolution answer = server.resolve(mine.get(j).name());
        roundTrips[j] = System.nanoTime() - sent;
        answers[2 * j] = answer.found() ? 1 : 0;
        answers[2 * j + 1] = answer.value();
        looked(context, mine.get(j).name(), answers[2 * j] == 1, answer.value(), roundTrips[j]);
      }
      figures[F_LOOKUP_PHASE_NANOS] = System.nanoTime() - start;
      figures[F_REGISTERED] = server.size();
    } else if (context.isRoot()) {
      NameServer server = new NameServer();
      long clients = size - 1;
      figures[F_MESSAGES] += serve(comm, server, TAG_REGISTER, clients * parameters.names());
      comm.Barrier();
      figures[F_MESSAGES] += serve(comm, server, TAG_RESOLVE, clients * lookups);
      figures[F_REGISTERED] = server.size();
    } else {
      figures[F_MESSAGES] += register(context, workload);
      comm.Barrier();
      figures[F_MESSAGES] += resolve(context, workload, figures, answers, roundTrips);
    }
    return gather(context, workload, figures, answers, roundTrips);
  }

  private static void requireRegistered(long status, String name) {
    if (status != NameServer.STATUS_OK) {
      throw new IllegalStateException(
          "naming: registration of \"" + name + "\" refused with status " + status);
    }
  }

  /** The server: answers {@code expected} requests with {@code tag}; returns replies sent. */
  private long serve(Intracomm comm, NameServer server, int tag, long expected)
      throws MPIException {
    return EXCHANGE.serve(comm, server, tag, expected, parameters.timeoutNanos(),
        (due, all) -> "naming: the server waited " + parameters.timeoutMs()
            + " ms for a request, with " + due + " of " + all + " still expected");
  }

  /** One request and its reply; returns the reply. */
  private long[] call(Intracomm comm, long[] request, int tag, String what)
      throws MPIException {
    long[] reply = EXCHANGE.ask(comm, SERVER, request, tag, parameters.timeoutNanos());
    if (reply == null) {
      throw new IllegalStateException("naming: no answer from the name server within "
          + parameters.timeoutMs() + " ms to " + what);
    }
    if (reply[0] != request[0]) {
      throw new IllegalStateException(
          "naming: answer to request " + reply[0] + " while waiting for " + request[0]);
    }
    return reply;
  }

  /** Registers this rank's names; returns requests sent (the server counts its answers). */
  private long register(RankContext context, NamingWorkload workload) throws MPIException {
    long[] request = new long[REQUEST_LONGS];
    for (int i = 0; i < parameters.names(); i++) {
      String name = workload.name(context.rank(), i);
      request[0] = i;
      request[1] = NamingWorkload.address(context.rank(), i);
      NameCodec.encode(name, request, 2);
      long[] reply = call(context.comm(), request, TAG_REGISTER,
          "the registration of \"" + name + "\"");
      requireRegistered(reply[1], name);
      context.events().event("register").with("name", name).with("address", request[1]).emit();
    }
    return parameters.names();
  }

  private long resolve(RankContext context, NamingWorkload workload, long[] figures,
      long[] answers, long[] roundTrips) throws MPIException {
    List<NamingWorkload.Lookup> mine = workload.lookups(context.rank());
    long[] request = new long[REQUEST_LONGS];
    long start = System.nanoTime();
    for (int j = 0; j < mine.size(); j++) {
      request[0] = j;
      request[1] = 0;
      NameCodec.encode(mine.get(j).name(), request, 2);
      long sent = System.nanoTime();
      long[] reply = call(context.comm(), request, TAG_RESOLVE,
          "the lookup of \"" + mine.get(j).name() + "\"");
      roundTrips[j] = System.nanoTime() - sent;
      answers[2 * j] = reply[1];
      answers[2 * j + 1] = reply[2];
      looked(context, mine.get(j).name(), reply[1] == 1, reply[2], roundTrips[j]);
    }
    figures[F_LOOKUP_PHASE_NANOS] = System.nanoTime() - start;
    return mine.size();
  }

  private static void looked(RankContext context, String name, boolean hit, long value,
      long roundTripNanos) {
    context.events().event("lookup").with("name", name).with("result", hit ? "hit" : "miss")
        .with("value", value).with("rttNanos", roundTripNanos).emit();
  }

  private NamingResult gather(RankContext context, NamingWorkload workload, long[] figures,
      long[] answers, long[] roundTrips) throws MPIException {
    int size = context.size();
    int lookups = roundTrips.length;
    long[] allFigures = new long[FIGURES * size];
    long[] allAnswers = new long[answers.length * size];
    long[] allRoundTrips = new long[lookups * size];
    Intracomm comm = context.comm();
    comm.Gather(figures, 0, FIGURES, MPI.LONG, allFigures, 0, FIGURES, MPI.LONG, 0);
    comm.Gather(answers, 0, answers.length, MPI.LONG, allAnswers, 0, answers.length, MPI.LONG, 0);
    comm.Gather(roundTrips, 0, lookups, MPI.LONG, allRoundTrips, 0, lookups, MPI.LONG, 0);
    if (!context.isRoot()) {
      return null;
    }
    long messages = 0;
    long longestPhase = 0;
    for (int rank = 0; rank < size; rank++) {
      messages += allFigures[FIGURES * rank + F_MESSAGES];
      longestPhase = Math.max(longestPhase, allFigures[FIGURES * rank + F_LOOKUP_PHASE_NANOS]);
    }
    List<Integer> clients = workload.clients();
    List<NamingCheck.ClientTrace> traces = new ArrayList<>();
    long[] clientRoundTrips = new long[clients.size() * lookups];
    long hits = 0;
    for (int c = 0; c < clients.size(); c++) {
      int rank = clients.get(c);
      List<NameServer.Resolution> got = new ArrayList<>(lookups);
      for (int j = 0; j < lookups; j++) {
        int at = answers.length * rank + 2 * j;
        got.add(new NameServer.Resolution(allAnswers[at] == 1, allAnswers[at + 1]));
        hits += allAnswers[at] == 1 ? 1 : 0;
      }
      traces.add(new NamingCheck.ClientTrace(rank, workload.lookups(rank), got));
      System.arraycopy(allRoundTrips, lookups * rank, clientRoundTrips, c * lookups, lookups);
    }
    PropertyCheck check = NamingCheck.check(traces);
    check.requireHolds();
    long total = (long) clients.size() * lookups;
    double perSecond = longestPhase == 0 ? 0 : total * 1e9 / longestPhase;
    return new NamingResult(clients.size(), allFigures[F_REGISTERED], total, hits, total - hits,
        perSecond, PingPong.median(clientRoundTrips),
        Arrays.stream(clientRoundTrips).max().orElse(0), messages, check,
        Latencies.of(clientRoundTrips));
  }
}
