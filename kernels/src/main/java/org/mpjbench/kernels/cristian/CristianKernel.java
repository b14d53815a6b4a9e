package org.mpjbench.kernels.cristian;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.clock.ClockSpec;
import org.mpjbench.kernels.clock.SimulatedClock;
import org.mpjbench.kernels.clock.TimeServer;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.rank.KernelEvents;
import org.mpjbench.kernels.rank.RankContext;
import org.mpjbench.kernels.rank.RankProgram;

/**
 * Cristian's clock synchronization over MPJ ranks. Rank 0 is the time server; every other rank is
 * a client with a simulated clock drawn from the seed.
 *
 * <p>Each client sends {@code samples} requests, one at a time; the server answers each with its
 * clock's reading, serving requests from any client in arrival order (it expects {@code (K-1) *
 * samples}). The client computes {@code server + rtt/2 - itsClockAtReceipt} for each reply and
 * steps its clock by the one of the shortest round trip. After a barrier every rank's true error
 * (known, since all clocks derive from the host's monotonic clock) is gathered and {@link
 * CristianCheck} verifies that each client ended within half its shortest round trip of the
 * server.
 *
 * <p>Messages ({@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_REQUEST} client to server: {@code [sequence]}
 *   <li>{@link #TAG_REPLY} server to client: {@code [sequence, serverClockNanos]}
 *   <li>{@link #TAG_PING}/{@link #TAG_PONG}: {@code [sequence]}, the baseline ping-pong between
 *       the server and each client, before the algorithm (not counted in its messages); it is the
 *       reference the round trips are read against, and it warms the message path up
 *   <li>Gather of {@link #FIGURES} figures per rank (see {@link #gather}), then of {@code samples}
 *       round trips per rank (zeros on the server)
 * </ul>
 *
 * The exchange is the shared {@link TimeServer}; every wait is bounded by {@code --timeout-ms}.
 *
 * <p>Trace events ({@code --trace}) of the clients, between exchanges (outside the round trips):
 * {@code sample} per reply ({@code sequence}, {@code rttNanos}, the {@code offsetNanos} it alone
 * suggests) and {@code sync} when the clock is stepped ({@code offsetNanos} applied, the {@code
 * rttNanos} of the sample chosen). The server traces nothing, so its replies are not delayed.
 */
public final class CristianKernel implements RankProgram<CristianResult> {
  /** Tag of a client's request for the time. */
  public static final int TAG_REQUEST = 201;
  /** Tag of the server's reply. */
  public static final int TAG_REPLY = 202;
  /** Tag of a baseline ping. */
  public static final int TAG_PING = 203;
  /** Tag of a baseline pong. */
  public static final int TAG_PONG = 204;

  private static final int BASELINE_WARMUP_EXCHANGES = 20;
  private static final int BASELINE_EXCHANGES = 50;

  private static final int SERVER = 0;
  private static final int FIGURES = 9;
  private static final int F_ERROR_BEFORE = 0;
  private static final int F_ERROR_AFTER = 1;
  private static final int F_MEASURE_HOST = 2;
  private static final int F_SYNC_HOST = 3;
  private static final int F_MIN_RTT = 4;
  private static final int F_MEDIAN_RTT = 5;
  private static final int F_OFFSET = 6;
  private static final int F_MESSAGES = 7;
  private static final int F_SYNC_NANOS = 8;

  private final CristianParameters parameters;

  /** A kernel that runs with these parameters. */
  public CristianKernel(CristianParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public CristianResult run(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    int samples = parameters.samples();
    List<ClockSpec> specs = ClockSpec.draw(parameters.seed(), size, parameters.spreadNanos(),
        parameters.driftPpm(), Set.of(), 0);
    SimulatedClock clock = new SimulatedClock(specs.get(context.rank()), System::nanoTime);

    long[] figures = new long[FIGURES];
    long[] roundTrips = new long[samples];
    long baselineRoundTripNanos = baselinePingPong(context);
    comm.Barrier();
    figures[F_ERROR_BEFORE] = clock.trueErrorNanos();

    TimeServer server = new TimeServer(comm, SERVER, TAG_REQUEST, TAG_REPLY,
        parameters.timeoutNanos(), "cristian");
    if (context.isRoot()) {
      figures[F_MESSAGES] = server.serve(clock, (long) (size - 1) * samples);
    } else {
      figures[F_MESSAGES] = synchronize(server, clock, figures, roundTrips, context.events());
    }

    // Measurement only: every clock's true error once everybody is done.
    comm.Barrier();
    figures[F_MEASURE_HOST] = System.nanoTime();
    figures[F_ERROR_AFTER] = clock.trueErrorNanos();
    return gather(context, figures, roundTrips, baselineRoundTripNanos);
  }

  /**
   * The reference figure: median round trip of a plain one-long ping-pong between the server and
   * each client in turn, received the same way as the algorithm's replies; 0 with one rank.
   */
  private long baselinePingPong(RankContext context) throws MPIException {
    return PingPong.medianRoundTripNanos(context.comm(), context.rank(), context.size(), SERVER,
        BASELINE_WARMUP_EXCHANGES, BASELINE_EXCHANGES, TAG_PING, TAG_PONG,
        new PingPong.Receiving(parameters.timeoutNanos(), "cristian"));
  }

  /** A client: asks {@code samples} times, steps its clock; returns requests sent. */
  private long synchronize(TimeServer server, SimulatedClock clock, long[] figures,
      long[] roundTrips, KernelEvents events) throws MPIException {
    int samples = roundTrips.length;
    CristianEstimator estimator = new CristianEstimator(samples);
    long[] receiptHostNanos = new long[samples];
    long startHost = System.nanoTime();
    for (int sequence = 0; sequence < samples; sequence++) {
      TimeServer.Exchange exchange = server.ask(clock, sequence);
      receiptHostNanos[sequence] = exchange.receiptHostNanos();
      long offset = estimator.add(exchange.sentNanos(), exchange.serverNanos(),
          exchange.receivedNanos());
      roundTrips[sequence] = exchange.roundTripNanos();
      events.event("sample").with("sequence", sequence)
          .with("rttNanos", exchange.roundTripNanos()).with("offsetNanos", offset).emit();
    }
    clock.adjust(estimator.offsetNanos());
    events.event("sync").with("offsetNanos", estimator.offsetNanos())
        .with("rttNanos", estimator.minRoundTripNanos()).emit();
    figures[F_SYNC_NANOS] = System.nanoTime() - startHost;
    figures[F_SYNC_HOST] = receiptHostNanos[estimator.bestIndex()];
    figures[F_MIN_RTT] = estimator.minRoundTripNanos();
    figures[F_MEDIAN_RTT] = estimator.medianRoundTripNanos();
    figures[F_OFFSET] = estimator.offsetNanos();
    return samples;
  }

  /** Gathers every rank's figures and round trips; rank 0 checks and builds the result. */
  private CristianResult gather(RankContext context, long[] figures, long[] roundTrips,
      long baselineRoundTripNanos) throws MPIException {
    int size = context.size();
    int samples = roundTrips.length;
    long[] all = new long[FIGURES * size];
    long[] allRoundTrips = new long[samples * size];
    context.comm().Gather(figures, 0, FIGURES, MPI.LONG, all, 0, FIGURES, MPI.LONG, 0);
    context.comm().Gather(roundTrips, 0, samples, MPI.LONG, allRoundTrips, 0, samples, MPI.LONG,
        0);
    if (!context.isRoot()) {
      return null;
    }
    long serverBefore = all[F_ERROR_BEFORE];
    long serverAfter = all[F_ERROR_AFTER];
    long serverMeasureHost = all[F_MEASURE_HOST];
    List<CristianCheck.ClientMeasurement> measurements = new ArrayList<>();
    List<CristianResult.Client> clients = new ArrayList<>();
    long messages = all[F_MESSAGES];
    long maxBefore = 0;
    long maxAfter = 0;
    long maxSync = 0;
    for (int rank = 1; rank < size; rank++) {
      int base = FIGURES * rank;
      CristianCheck.ClientMeasurement measurement = new CristianCheck.ClientMeasurement(rank,
          all[base + F_MIN_RTT], all[base + F_SYNC_HOST], all[base + F_MEASURE_HOST],
          all[base + F_ERROR_AFTER]);
      measurements.add(measurement);
      long before = all[base + F_ERROR_BEFORE] - serverBefore;
      long after = all[base + F_ERROR_AFTER] - serverAfter;
      long bound = all[base + F_MIN_RTT] / 2
          + CristianCheck.allowanceNanos(measurement, serverMeasureHost, parameters.driftPpm());
      clients.add(new CristianResult.Client(rank, all[base + F_MIN_RTT],
          all[base + F_MEDIAN_RTT], all[base + F_OFFSET], before, after, bound,
          all[base + F_SYNC_NANOS]));
      messages += all[base + F_MESSAGES];
      maxBefore = Math.max(maxBefore, Math.abs(before));
      maxAfter = Math.max(maxAfter, Math.abs(after));
      maxSync = Math.max(maxSync, all[base + F_SYNC_NANOS]);
    }
    long[] clientRoundTrips = Arrays.copyOfRange(allRoundTrips, samples, allRoundTrips.length);
    PropertyCheck check = CristianCheck.check(serverAfter, serverMeasureHost, measurements,
        parameters.driftPpm());
    check.requireHolds();
    return new CristianResult(List.copyOf(clients), maxBefore, maxAfter,
        PingPong.median(clientRoundTrips), baselineRoundTripNanos, maxSync, messages,
        check);
  }
}
