package org.mpjbench.kernels.centralizedclock;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.clock.ClockSkew;
import org.mpjbench.kernels.clock.ClockSpec;
import org.mpjbench.kernels.clock.SimulatedClock;
import org.mpjbench.kernels.clock.TimeServer;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.rank.KernelEvents;
import org.mpjbench.kernels.rank.RankContext;
import org.mpjbench.kernels.rank.RankProgram;

/**
 * Centralized clock synchronization over MPJ ranks. Rank 0 is the time server; every other rank is
 * a client with a simulated clock drawn from the seed (the same population as Cristian's and
 * Berkeley's for the same options).
 *
 * <p>Each client sends one request; the server answers each with its clock's reading, serving
 * requests from any client in arrival order (it expects {@code K-1}), through the exchange Cristian's
 * kernel uses too ({@link TimeServer}). The client sets its clock to
 * the reading ({@link CentralizedClockCheck#correctionNanos}), and times the round trip on its own
 * clock only to report it and bound its error. After a barrier every rank's true error (known,
 * since all clocks derive from the host's monotonic clock) is gathered and {@link
 * CentralizedClockCheck} verifies that each client ended within its round trip of the server.
 *
 * <p>Messages ({@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_REQUEST} client to server: {@code [0]}, its one request
 *   <li>{@link #TAG_REPLY} server to client: {@code [0, serverClockNanos]}
 *   <li>{@link #TAG_PING}/{@link #TAG_PONG}: {@code [sequence]}, the baseline ping-pong between
 *       the server and each client, before the algorithm (not counted in its messages); it is the
 *       reference the round trips are read against, and it warms the message path up
 *   <li>Gather of {@link #FIGURES} figures per rank (see {@link #gather})
 * </ul>
 *
 * Every wait is bounded by {@code --timeout-ms}.
 *
 * <p>Trace events ({@code --trace}): {@code sync} on each client once its clock is set ({@code
 * offsetNanos} applied, {@code rttNanos} of the exchange), after the exchange so it does not
 * lengthen it. The server traces nothing, so its replies are not delayed.
 */
public final class CentralizedClockKernel implements RankProgram<CentralizedClockResult> {
  /** Tag of a client's request for the time. */
  public static final int TAG_REQUEST = 211;
  /** Tag of the server's reply. */
  public static final int TAG_REPLY = 212;
  /** Tag of a baseline ping. */
  public static final int TAG_PING = 213;
  /** Tag of a baseline pong. */
  public static final int TAG_PONG = 214;

  private static final int BASELINE_WARMUP_EXCHANGES = 20;
  private static final int BASELINE_EXCHANGES = 50;

  private static final int SERVER = 0;
  private static final int FIGURES = 8;
  private static final int F_ERROR_BEFORE = 0;
  private static final int F_ERROR_AFTER = 1;
  private static final int F_MEASURE_HOST = 2;
  private static final int F_SYNC_HOST = 3;
  private static final int F_RTT = 4;
  private static final int F_OFFSET = 5;
  private static final int F_MESSAGES = 6;
  private static final int F_SYNC_NANOS = 7;

  private final CentralizedClockParameters parameters;

  /** A kernel that runs with these parameters. */
  public CentralizedClockKernel(CentralizedClockParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public CentralizedClockResult run(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    List<ClockSpec> specs = ClockSpec.draw(parameters.seed(), size, parameters.spreadNanos(),
        parameters.driftPpm(), Set.of(), 0);
    SimulatedClock clock = new SimulatedClock(specs.get(context.rank()), System::nanoTime);

    long[] figures = new long[FIGURES];
    long baselineRoundTripNanos = baselinePingPong(context);
    comm.Barrier();
    figures[F_ERROR_BEFORE] = clock.trueErrorNanos();

    TimeServer server = new TimeServer(comm, SERVER, TAG_REQUEST, TAG_REPLY,
        parameters.timeoutNanos(), "centralized-clock");
    if (context.isRoot()) {
      figures[F_MESSAGES] = server.serve(clock, size - 1);
    } else {
      figures[F_MESSAGES] = synchronize(server, clock, figures, context.events());
    }

    // Measurement only: every clock's true error once everybody is done.
    comm.Barrier();
    figures[F_MEASURE_HOST] = System.nanoTime();
    figures[F_ERROR_AFTER] = clock.trueErrorNanos();
    return gather(context, figures, baselineRoundTripNanos);
  }

  /**
   * The reference figure: median round trip of a plain one-long ping-pong between the server and
   * each client in turn, received the same way as the algorithm's replies; 0 with one rank.
   */
  private long baselinePingPong(RankContext context) throws MPIException {
    return PingPong.medianRoundTripNanos(context.comm(), context.rank(), context.size(), SERVER,
        BASELINE_WARMUP_EXCHANGES, BASELINE_EXCHANGES, TAG_PING, TAG_PONG,
        new PingPong.Receiving(parameters.timeoutNanos(), "centralized-clock"));
  }

  /** A client: asks once and adopts the reading; returns requests sent (1). */
  private long synchronize(TimeServer server, SimulatedClock clock, long[] figures,
      KernelEvents events) throws MPIException {
    long startHost = System.nanoTime();
    TimeServer.Exchange exchange = server.ask(clock, 0);
    long offset = CentralizedClockCheck.correctionNanos(exchange.serverNanos(),
        exchange.receivedNanos());
    clock.adjust(offset);
    figures[F_SYNC_NANOS] = System.nanoTime() - startHost;
    events.event("sync").with("offsetNanos", offset)
        .with("rttNanos", exchange.roundTripNanos()).emit();
    figures[F_SYNC_HOST] = exchange.receiptHostNanos();
    figures[F_RTT] = exchange.roundTripNanos();
    figures[F_OFFSET] = offset;
    return 1;
  }

  /** Gathers every rank's figures; rank 0 checks and builds the result. */
  private CentralizedClockResult gather(RankContext context, long[] figures,
      long baselineRoundTripNanos) throws MPIException {
    int size = context.size();
    long[] all = new long[FIGURES * size];
    context.comm().Gather(figures, 0, FIGURES, MPI.LONG, all, 0, FIGURES, MPI.LONG, 0);
    if (!context.isRoot()) {
      return null;
    }
    long serverBefore = all[F_ERROR_BEFORE];
    long serverAfter = all[F_ERROR_AFTER];
    long serverMeasureHost = all[F_MEASURE_HOST];
    long[] errorsBefore = new long[size];
    long[] errorsAfter = new long[size];
    long[] roundTrips = new long[size - 1];
    List<CentralizedClockCheck.ClientMeasurement> measurements = new ArrayList<>();
    List<CentralizedClockResult.Client> clients = new ArrayList<>();
    long messages = 0;
    long maxBefore = 0;
    long maxAfter = 0;
    long sumAfter = 0;
    long maxSync = 0;
    for (int rank = 0; rank < size; rank++) {
      int base = FIGURES * rank;
      errorsBefore[rank] = all[base + F_ERROR_BEFORE];
      errorsAfter[rank] = all[base + F_ERROR_AFTER];
      messages += all[base + F_MESSAGES];
      if (rank == SERVER) {
        continue;
      }
      CentralizedClockCheck.ClientMeasurement measurement =
          new CentralizedClockCheck.ClientMeasurement(rank, all[base + F_RTT],
              all[base + F_SYNC_HOST], all[base + F_MEASURE_HOST], all[base + F_ERROR_AFTER]);
      measurements.add(measurement);
      long before = all[base + F_ERROR_BEFORE] - serverBefore;
      long after = all[base + F_ERROR_AFTER] - serverAfter;
      clients.add(new CentralizedClockResult.Client(rank, all[base + F_RTT],
          all[base + F_OFFSET], before, after,
          CentralizedClockCheck.boundNanos(measurement, serverMeasureHost, parameters.driftPpm()),
          all[base + F_SYNC_NANOS]));
      roundTrips[rank - 1] = all[base + F_RTT];
      maxBefore = Math.max(maxBefore, Math.abs(before));
      maxAfter = Math.max(maxAfter, Math.abs(after));
      sumAfter += after;
      maxSync = Math.max(maxSync, all[base + F_SYNC_NANOS]);
    }
    PropertyCheck check = CentralizedClockCheck.check(serverAfter, serverMeasureHost,
        measurements, parameters.driftPpm());
    check.requireHolds();
    boolean[] noneFaulty = new boolean[0];
    return new CentralizedClockResult(List.copyOf(clients),
        ClockSkew.skewNanos(errorsBefore, noneFaulty), ClockSkew.skewNanos(errorsAfter, noneFaulty),
        maxBefore, maxAfter, clients.isEmpty() ? 0 : Math.round((double) sumAfter / clients.size()),
        PingPong.median(roundTrips), baselineRoundTripNanos, maxSync, messages, check);
  }
}
