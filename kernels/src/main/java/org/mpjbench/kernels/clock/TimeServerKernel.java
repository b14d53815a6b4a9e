package org.mpjbench.kernels.clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;

/**
 * The frame of a time-server kernel (Cristian's, the centralized one); a subclass says only how a
 * client syncs and what rank 0 makes of the figures. Rank 0 is the time server; every other rank
 * is a client with a simulated clock drawn from the seed (the same population as Berkeley's for the
 * same options).
 *
 * <p>In order: a baseline ping-pong between the server and each client (not counted in the
 * algorithm's messages: the reference the round trips are read against, and a warm-up of the
 * message path); a barrier and every clock's true error before; the server answers {@code (K-1) *
 * samples} requests through {@link TimeServer} while each client syncs; a barrier and every
 * clock's true error after (known, since all clocks derive from the host's monotonic clock); a
 * gather of {@value #FIGURES} figures per rank, then of {@code samples} round trips per rank
 * (zeros on the server), to rank 0, which checks the kernel's promise ({@link TimeServerCheck};
 * the run fails when it does not hold) and builds the result. Every wait is bounded by the
 * time-out.
 *
 * <p>Tags: {@code firstTag} the request, {@code + 1} the reply, {@code + 2} and {@code + 3} the
 * baseline's ping and pong.
 *
 * @param <R> the kernel's result record
 */
public abstract class TimeServerKernel<R> implements RankProgram<R> {
  /** The time server's rank. */
  public static final int SERVER = 0;
  /** Figures each rank sends rank 0. */
  static final int FIGURES = Figure.values().length;

  private static final int BASELINE_WARMUP_EXCHANGES = 20;
  private static final int BASELINE_EXCHANGES = 50;

  /**
   * What every time-server run is told.
   *
   * @param kernel the kernel's name, for messages
   * @param firstTag the request's tag; the reply and the baseline's take the next three
   * @param samples requests per client
   * @param seed seed of the clock population
   * @param spreadNanos width of the initial offsets' window
   * @param driftPpm bound of the drift rates
   * @param timeoutNanos longest wait for one message
   * @param promise what the algorithm promises each client, checked on rank 0
   */
  public record Setup(String kernel, int firstTag, int samples, long seed, long spreadNanos,
      double driftPpm, long timeoutNanos, TimeServerCheck.Promise promise) {}

  /**
   * How a client's sync went.
   *
   * @param offsetNanos the step applied to its clock
   * @param syncHostNanos host time at which the reply it kept arrived
   * @param roundTripNanos the round trip of the exchange it kept
   * @param medianRoundTripNanos the median of its round trips
   */
  public record Sync(long offsetNanos, long syncHostNanos, long roundTripNanos,
      long medianRoundTripNanos) {}

  /**
   * One client as rank 0 sees it after the gather.
   *
   * @param rank the client's rank
   * @param trueErrorBeforeNanos its true error relative to the server's before the sync
   * @param trueErrorAfterNanos its true error relative to the server's after the sync
   * @param sync how its sync went
   * @param syncNanos host time from its first request to its clock set
   * @param boundNanos what the promise allows it, drift included
   */
  public record Client(int rank, long trueErrorBeforeNanos, long trueErrorAfterNanos, Sync sync,
      long syncNanos, long boundNanos) {}

  /**
   * Everything rank 0 gathered.
   *
   * @param clients every client, in rank order (none with one rank)
   * @param serverTrueErrorAfterNanos the server's own true error after the sync
   * @param serverMeasureHostNanos host time at which it was read
   * @param errorsBeforeNanos every rank's true error before the sync, by rank
   * @param errorsAfterNanos every rank's true error after the sync, by rank
   * @param clientRoundTripsNanos every client's round trips, in rank order
   * @param baselineRoundTripNanos the baseline ping-pong's median round trip (0 with one rank)
   * @param messages the algorithm's messages: every request and its reply
   * @param check the verdict on the promise, which holds (the run failed otherwise)
   */
  public record Gathered(List<Client> clients, long[] errorsBeforeNanos, long[] errorsAfterNanos,
      long[] clientRoundTripsNanos, long baselineRoundTripNanos, long messages,
      PropertyCheck check) {

    /** The largest absolute true error of a client relative to the server, before or after. */
    public long maxTrueErrorNanos(boolean after) {
      return clients.stream().mapToLong(c -> Math.abs(after ? c.trueErrorAfterNanos()
          : c.trueErrorBeforeNanos())).max().orElse(0);
    }

    /** The longest sync of a client (0 without one). */
    public long maxSyncNanos() {
      return clients.stream().mapToLong(Client::syncNanos).max().orElse(0);
    }
  }

  /** The figures of one rank, in the order they are gathered (their ordinal is their place). */
  private enum Figure {
    ERROR_BEFORE, ERROR_AFTER, MEASURE_HOST, SYNC_HOST, RTT, MEDIAN_RTT, OFFSET, SYNC_NANOS
  }

  private final Setup setup;

  /** A kernel with this setup. */
  protected TimeServerKernel(Setup setup) {
    this.setup = setup;
  }

  /**
   * A client's sync: its requests through {@code server}, the step applied to {@code clock}, and
   * its trace events; {@code roundTrips} takes the round trip of each request, in order.
   */
  protected abstract Sync synchronize(TimeServer server, SimulatedClock clock, long[] roundTrips,
      KernelEvents events) throws MPIException;

  /** Rank 0's result from everything gathered, the promise already checked and held. */
  protected abstract R result(Gathered gathered);

  @Override
  public final R run(RankContext context) throws MPIException {
    Intracomm comm = context.comm();
    int size = context.size();
    List<ClockSpec> specs = ClockSpec.draw(setup.seed(), size, setup.spreadNanos(),
        setup.driftPpm(), Set.of(), 0);
    SimulatedClock clock = new SimulatedClock(specs.get(context.rank()), System::nanoTime);
    long[] figures = new long[FIGURES];
    long[] roundTrips = new long[setup.samples()];
    long baselineRoundTripNanos = PingPong.medianRoundTripNanos(comm, context.rank(), size,
        SERVER, BASELINE_WARMUP_EXCHANGES, BASELINE_EXCHANGES, setup.firstTag() + 2,
        setup.firstTag() + 3, new PingPong.Receiving(setup.timeoutNanos(), setup.kernel()));
    comm.Barrier();
    figures[Figure.ERROR_BEFORE.ordinal()] = clock.trueErrorNanos();

    TimeServer server = new TimeServer(comm, SERVER, setup.firstTag(), setup.firstTag() + 1,
        setup.timeoutNanos(), setup.kernel());
    if (context.isRoot()) {
      server.serve(clock, (long) (size - 1) * setup.samples());
    } else {
      long startHost = System.nanoTime();
      Sync sync = synchronize(server, clock, roundTrips, context.events());
      figures[Figure.SYNC_NANOS.ordinal()] = System.nanoTime() - startHost;
      figures[Figure.SYNC_HOST.ordinal()] = sync.syncHostNanos();
      figures[Figure.RTT.ordinal()] = sync.roundTripNanos();
      figures[Figure.MEDIAN_RTT.ordinal()] = sync.medianRoundTripNanos();
      figures[Figure.OFFSET.ordinal()] = sync.offsetNanos();
    }

    // Measurement only: every clock's true error once everybody is done.
    comm.Barrier();
    figures[Figure.MEASURE_HOST.ordinal()] = System.nanoTime();
    figures[Figure.ERROR_AFTER.ordinal()] = clock.trueErrorNanos();
    return gather(context, figures, roundTrips, baselineRoundTripNanos);
  }

  private R gather(RankContext context, long[] figures, long[] roundTrips,
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
    long[] before = new long[size];
    long[] after = new long[size];
    for (int rank = 0; rank < size; rank++) {
      before[rank] = figure(all, rank, Figure.ERROR_BEFORE);
      after[rank] = figure(all, rank, Figure.ERROR_AFTER);
    }
    long serverMeasureHostNanos = figure(all, SERVER, Figure.MEASURE_HOST);
    List<Client> clients = new ArrayList<>();
    List<TimeServerCheck.ClientMeasurement> measurements = new ArrayList<>();
    for (int rank = 1; rank < size; rank++) {
      Sync sync = new Sync(figure(all, rank, Figure.OFFSET), figure(all, rank, Figure.SYNC_HOST),
          figure(all, rank, Figure.RTT), figure(all, rank, Figure.MEDIAN_RTT));
      TimeServerCheck.ClientMeasurement measurement = new TimeServerCheck.ClientMeasurement(rank,
          sync.roundTripNanos(), sync.syncHostNanos(), figure(all, rank, Figure.MEASURE_HOST),
          after[rank]);
      measurements.add(measurement);
      clients.add(new Client(rank, before[rank] - before[SERVER], after[rank] - after[SERVER],
          sync, figure(all, rank, Figure.SYNC_NANOS), TimeServerCheck.boundNanos(setup.promise(),
              measurement, serverMeasureHostNanos, setup.driftPpm())));
    }
    PropertyCheck check = TimeServerCheck.check(setup.promise(), after[SERVER],
        serverMeasureHostNanos, measurements, setup.driftPpm());
    check.requireHolds();
    // The requests and the replies: each client sent its samples, the server answered them all.
    long messages = 2L * samples * (size - 1);
    return result(new Gathered(List.copyOf(clients), before, after,
        Arrays.copyOfRange(allRoundTrips, samples, allRoundTrips.length), baselineRoundTripNanos,
        messages, check));
  }

  /** Rank {@code rank}'s {@code figure} among everything gathered. */
  private static long figure(long[] all, int rank, Figure figure) {
    return all[FIGURES * rank + figure.ordinal()];
  }
}
