package org.mpjbench.kernels.berkeley;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.clock.ClockSkew;
import org.mpjbench.kernels.mpi.PingPong;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.Latencies;

/**
 * Berkeley clock synchronization over MPJ ranks. Rank 0 is the master (the time daemon).
 *
 * <p>Each round: (1) the master polls every slave {@code samples} times with point-to-point
 * messages and keeps, per slave, the offset estimate with the shortest round trip; (2) it averages
 * the estimates within the tolerance of their median (its own offset, zero, takes part); (3) a
 * Scatter gives every rank its own correction, {@code average - estimate}, which it applies.
 *
 * <p>After each round, outside the timed part, every rank's true clock error is gathered (all
 * clocks derive from the host's monotonic clock, so the truth is known) to record the true skew and
 * the estimation errors.
 *
 * <p>Messages (all {@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_POLL} master to slave: {@code [round, sample]}
 *   <li>{@link #TAG_READING} slave to master: {@code [round, sample, slaveReceiveNanos,
 *       slaveSendNanos]} (NTP's four timestamps); each slave first answers one warm-up poll
 *       (sample -1) a round, which the master does not use
 *   <li>{@link #TAG_GROUP} submaster to master (with {@code --groups} above 1): {@code [offset,
 *       roundTrip]} per rank of its group, measured on the submaster's clock; polls and readings
 *       then also travel between a submaster and its group
 *   <li>{@link #TAG_PING}/{@link #TAG_PONG}: {@code [sequence]}, the baseline ping-pong
 *   <li>Scatter of a phase step (ns) and a rate change (millionths of a ppm) per rank; Gather
 *       of {@code [errorBefore, errorAfter]} per rank
 * </ul>
 */
public final class BerkeleyKernel implements RankProgram<BerkeleyResult> {
  /** Tag of the master's poll. */
  public static final int TAG_POLL = 101;
  /** Tag of a slave's clock reading. */
  public static final int TAG_READING = 102;
  /** Tag of a baseline ping. */
  public static final int TAG_PING = 103;
  /** Tag of a baseline pong. */
  public static final int TAG_PONG = 104;
  /** Tag of a submaster's offsets of its group. */
  public static final int TAG_GROUP = 105;

  private static final int BASELINE_WARMUP_EXCHANGES = 50;
  private static final int BASELINE_EXCHANGES = 200;

  private final BerkeleyParameters parameters;

  /** A kernel that runs with these parameters. */
  public BerkeleyKernel(BerkeleyParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public BerkeleyResult run(RankContext context) throws MPIException, InterruptedException {
    Intracomm comm = context.comm();
    int size = context.size();
    BerkeleySession session = new BerkeleySession(comm, context.rank(), size, parameters);

    long baselineRoundTripNanos = baselinePingPong(context);
    comm.Barrier();
    long[] initialErrors = session.gatherTrueErrors();

    List<BerkeleyRound> rounds = new ArrayList<>(parameters.rounds());
    for (int round = 1; round <= parameters.rounds(); round++) {
      if (round > 1 && parameters.intervalMs() > 0 && context.isRoot()) {
        Thread.sleep(parameters.intervalMs()); // the slaves wait in their next Recv meanwhile
      }
      BerkeleyRound record = runRound(context, session, round);
      if (context.isRoot()) {
        rounds.add(record);
        context.progress().accept(record);
      }
    }
    if (!context.isRoot()) {
      return null;
    }
    return new BerkeleyResult(
        initialErrors,
        baselineRoundTripNanos,
        List.copyOf(rounds),
        summarize(initialErrors, baselineRoundTripNanos, rounds, session.faulty()),
        Latencies.of(rounds.stream().mapToLong(BerkeleyRound::durationNanos).toArray()));
  }

  /** One round on any rank; returns the round's record on the master, null elsewhere. */
  private static BerkeleyRound runRound(RankContext context, BerkeleySession session, int round)
      throws MPIException {
    int size = context.size();
    BerkeleySession.Step step = session.synchronize(round);

    // Measurement only, after the timed part: every rank's true error before and after.
    long[] mine = {step.trueErrorBeforeNanos(), step.trueErrorAfterNanos()};
    long[] all = new long[2 * size];
    context.comm().Gather(mine, 0, 2, MPI.LONG, all, 0, 2, MPI.LONG, 0);
    if (!context.isRoot()) {
      return null;
    }
    long[] estimates = step.estimatedOffsetNanos();
    long[] before = new long[size];
    long[] after = new long[size];
    long[] estimationErrors = new long[size];
    for (int rank = 0; rank < size; rank++) {
      before[rank] = all[2 * rank];
      after[rank] = all[2 * rank + 1];
      estimationErrors[rank] = estimates[rank] - (before[rank] - before[0]);
    }
    FaultTolerantAverage.Agreement agreement = step.agreement();
    return new BerkeleyRound(
        round,
        step.durationNanos(),
        estimates,
        step.roundTripNanos(),
        agreement.centreNanos(),
        agreement.averageNanos(),
        agreement.excluded(),
        step.correctionNanos(),
        before,
        after,
        estimationErrors,
        ClockSkew.skewNanos(after, session.faulty()));
  }

  /**
   * The reference figure: median round trip of a plain one-long MPI ping-pong between the master
   * and each slave, on the same ranks and in the same run, received as the rounds receive.
   */
  private static long baselinePingPong(RankContext context) throws MPIException {
    return PingPong.medianRoundTripNanos(context.comm(), context.rank(), context.size(), 0,
        BASELINE_WARMUP_EXCHANGES, BASELINE_EXCHANGES, TAG_PING, TAG_PONG,
        PingPong.Receiving.BLOCKING);
  }

  private BerkeleyResult.Summary summarize(
      long[] initialErrors, long baselineRoundTripNanos, List<BerkeleyRound> rounds,
      boolean[] faulty) {
    long[] durations = rounds.stream().mapToLong(BerkeleyRound::durationNanos).toArray();
    long totalNanos = Arrays.stream(durations).sum();
    long medianRound = PingPong.median(durations);
    TreeSet<Integer> excluded = new TreeSet<>();
    rounds.forEach(r -> excluded.addAll(r.excludedRanks()));
    BerkeleyRound last = rounds.get(rounds.size() - 1);
    return new BerkeleyResult.Summary(
        ClockSkew.skewNanos(initialErrors, faulty),
        last.trueSkewNanos(),
        List.copyOf(excluded),
        parameters.faultyRanks(),
        medianRound,
        totalNanos == 0 ? 0 : rounds.size() * 1e9 / totalNanos,
        baselineRoundTripNanos == 0 ? 0 : (double) medianRound / baselineRoundTripNanos,
        last.maxEstimationErrorNanos(faulty));
  }

}
