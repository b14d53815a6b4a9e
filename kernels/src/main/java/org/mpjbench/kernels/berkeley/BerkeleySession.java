package org.mpjbench.kernels.berkeley;

import java.util.ArrayList;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import org.mpjbench.kernels.clock.ClockSpec;
import org.mpjbench.kernels.clock.SimulatedClock;

/**
 * One rank's part in Berkeley synchronization: its simulated clock and the collective round
 * (poll, fault-tolerant average, Scatter of corrections). The kernel ({@link BerkeleyKernel}) and
 * the JMH harness both drive it; every method is collective, so every rank calls it in the same
 * order. Messages use {@link BerkeleyKernel#TAG_POLL} and {@link BerkeleyKernel#TAG_READING}.
 */
public final class BerkeleySession {
  private final Intracomm comm;
  private final int rank;
  private final int size;
  private final BerkeleyParameters parameters;
  private final SimulatedClock clock;
  private final boolean[] faulty;
  private final ClockDiscipline discipline;
  private final PollGroups groups;

  /**
   * The sample number of each slave's one warm-up poll a round, answered but not used: the first
   * poll of a round finds the slave's thread asleep since the last round and is the slowest and
   * most lopsided one.
   */
  static final int WARM_UP_SAMPLE = -1;

  /**
   * From this many ranks on, the master sends each slave's warm-up poll while it polls the slave
   * before. Measured on 2 cores, 3-5 runs each way, the round in MPI round trips (median) and the
   * per-round skew: at 64 ranks 655-725 against 670-845 round trips and 16-25 against 24-35 µs
   * (better in 3 of 3 pairs), at 16 ranks 142 against 185 (4 of 5 pairs); at 8 ranks mixed, at 4
   * ranks worse (22-35 against 22-25 round trips): with few slaves the woken thread takes the
   * second core from the slave being polled.
   */
  static final int PIPELINED_FROM_RANKS = 16;

  /** The warm-up poll in flight (rank 0): at most one at a time. */
  private final long[] warmUpPoll = new long[2];

  /**
   * What one round did. The master's view (estimates, round trips, agreement, corrections) is
   * filled on rank 0 only; every rank knows its own true error before and after its correction.
   *
   * @param durationNanos time from the first poll to the end of the Scatter, on this rank
   * @param estimatedOffsetNanos rank 0: each clock minus its own; null elsewhere
   * @param roundTripNanos rank 0: the round trip of the sample kept per rank; null elsewhere
   * @param agreement rank 0: the fault-tolerant average; null elsewhere
   * @param correctionNanos rank 0: the correction sent to each rank; null elsewhere
   * @param trueErrorBeforeNanos this rank's true error just before applying its correction
   * @param trueErrorAfterNanos this rank's true error just after
   */
  public record Step(
      long durationNanos,
      long[] estimatedOffsetNanos,
      long[] roundTripNanos,
      FaultTolerantAverage.Agreement agreement,
      long[] correctionNanos,
      long trueErrorBeforeNanos,
      long trueErrorAfterNanos) {}

  /** Draws this rank's clock (every rank draws the same population from the seed). */
  public BerkeleySession(Intracomm comm, int rank, int size, BerkeleyParameters parameters) {
    parameters.requireFitsRanks(size);
    this.comm = comm;
    this.rank = rank;
    this.size = size;
    this.parameters = parameters;
    List<ClockSpec> specs =
        ClockSpec.draw(
            parameters.seed(),
            size,
            parameters.spreadNanos(),
            parameters.driftPpm(),
            parameters.faultySet(),
            parameters.faultyOffsetNanos());
    this.faulty = new boolean[size];
    for (int faultyRank : parameters.faultyRanks()) {
      faulty[faultyRank] = true;
    }
    this.clock = new SimulatedClock(specs.get(rank), System::nanoTime);
    this.discipline = rank == 0 ? ClockDiscipline.standard(size) : null;
    this.groups = new PollGroups(size, parameters.groups());
  }

  /** Which ranks have broken clocks, by rank. */
  public boolean[] faulty() {
    return faulty.clone();
  }

  /** Rate changes travel in the Scatter as whole millionths of a ppm. */
  private static final double RATE_UNITS_PER_PPM = 1e6;

  /** One synchronization round (collective). */
  public Step synchronize(int round) throws MPIException {
    long startNanos = System.nanoTime();
    long[] estimates = null;
    long[] roundTrips = null;
    long[] corrections = new long[size];
    long[] scattered = new long[2 * size]; // per rank: phase step (ns), rate change (1e-6 ppm)
    FaultTolerantAverage.Agreement agreement = null;
    if (rank == 0) {
      estimates = new long[size];
      roundTrips = new long[size];
    }
    pollRound(round, estimates, roundTrips);
    if (rank == 0) {
      agreement = FaultTolerantAverage.compute(estimates, parameters.toleranceNanos());
      // Every rank moves to the average; each slave's own offset from the master, and its rate,
      // are corrected as the discipline says (stepped when real, filtered when within the
      // estimation noise). startNanos, the master's raw monotonic time, only measures intervals.
      ClockDiscipline.Decision decision = discipline.decide(estimates, roundTrips, startNanos);
      for (int r = 0; r < size; r++) {
        corrections[r] = agreement.averageNanos() + decision.ownCorrectionNanos()[r];
        scattered[2 * r] = corrections[r];
        scattered[2 * r + 1] = Math.round(decision.rateCorrectionPpm()[r] * RATE_UNITS_PER_PPM);
      }
    }
    long[] mine = new long[2];
    comm.Scatter(scattered, 0, 2, MPI.LONG, mine, 0, 2, MPI.LONG, 0);
    long errorBefore = clock.trueErrorNanos();
    clock.adjust(mine[0]);
    clock.adjustRate(mine[1] / RATE_UNITS_PER_PPM);
    long errorAfter = clock.trueErrorNanos();
    return new Step(System.nanoTime() - startNanos, estimates, roundTrips, agreement,
        rank == 0 ? corrections : null, errorBefore, errorAfter);
  }

  /**
   * The polls of round {@code round} (collective): every leader polls its own group, all at once
   * ({@link PollGroups}); then the master polls each submaster in turn and takes its offsets of
   * its group. On rank 0 fills {@code estimates} (each clock minus the master's) and {@code
   * roundTrips} (a group's own plus its submaster's); they are null elsewhere.
   */
  private void pollRound(int round, long[] estimates, long[] roundTrips) throws MPIException {
    if (rank == 0) {
      pollEach(groups.membersOf(0), round, estimates, roundTrips);
      for (int submaster : groups.submasters()) {
        // Its warm-up poll waits, if need be, for the submaster to finish polling its group.
        pollEach(new int[] {submaster}, round, estimates, roundTrips);
        int[] members = groups.membersOf(submaster);
        long[] measured = new long[2 * members.length];
        comm.Recv(measured, 0, measured.length, MPI.LONG, submaster, BerkeleyKernel.TAG_GROUP);
        for (int i = 0; i < members.length; i++) {
          // member - master = (member - submaster) + (submaster - master): both errors add up.
          estimates[members[i]] = estimates[submaster] + measured[2 * i];
          roundTrips[members[i]] = roundTrips[submaster] + measured[2 * i + 1];
        }
      }
    } else if (groups.isLeader(rank)) {
      int[] members = groups.membersOf(rank);
      long[] ownEstimates = new long[size];
      long[] ownRoundTrips = new long[size];
      pollEach(members, round, ownEstimates, ownRoundTrips);
      answerPolls(round, 0);
      long[] measured = new long[2 * members.length];
      for (int i = 0; i < members.length; i++) {
        measured[2 * i] = ownEstimates[members[i]];
        measured[2 * i + 1] = ownRoundTrips[members[i]];
      }
      comm.Send(measured, 0, measured.length, MPI.LONG, 0, BerkeleyKernel.TAG_GROUP);
    } else {
      answerPolls(round, groups.leaderOf(rank));
    }
  }

  /** Every rank's true clock error now (collective): the array on rank 0, null elsewhere. */
  public long[] gatherTrueErrors() throws MPIException {
    long[] all = new long[size];
    comm.Gather(new long[] {clock.trueErrorNanos()}, 0, 1, MPI.LONG, all, 0, 1, MPI.LONG, 0);
    return rank == 0 ? all : null;
  }

  /**
   * Polls {@code slaves} one after the other, each a warm-up poll and then its samples, and puts
   * the best sample's offset (slave minus this rank's clock) and round trip in {@code estimates}
   * and {@code roundTrips} at the slave's rank. From {@link #PIPELINED_FROM_RANKS} on, each
   * slave's warm-up poll leaves while the slave before it is polled: the thread wake-up it pays
   * (the slave slept since the last round) overlaps that slave's samples instead of adding to the
   * round.
   */
  private void pollEach(int[] slaves, int round, long[] estimates, long[] roundTrips)
      throws MPIException {
    boolean pipelined = slaves.length + 1 >= PIPELINED_FROM_RANKS;
    Request warming = pipelined && slaves.length > 0 ? sendWarmUp(slaves[0], round) : null;
    for (int i = 0; i < slaves.length; i++) {
      int slave = slaves[i];
      if (!pipelined) {
        fillWarmUp(round);
        comm.Send(warmUpPoll, 0, 2, MPI.LONG, slave, BerkeleyKernel.TAG_POLL);
      }
      awaitWarmUp(warming, slave, round);
      if (pipelined && i + 1 < slaves.length) {
        warming = sendWarmUp(slaves[i + 1], round);
      }
      OffsetSample best = pollSlave(slave, round);
      estimates[slave] = best.offsetNanos();
      roundTrips[slave] = best.roundTripNanos();
    }
  }

  /** Sends {@code slave} its warm-up poll without waiting; its buffer is kept until it is read. */
  private Request sendWarmUp(int slave, int round) throws MPIException {
    fillWarmUp(round);
    return comm.Isend(warmUpPoll, 0, 2, MPI.LONG, slave, BerkeleyKernel.TAG_POLL);
  }

  private void fillWarmUp(int round) {
    warmUpPoll[0] = round;
    warmUpPoll[1] = WARM_UP_SAMPLE;
  }

  /**
   * Takes {@code slave}'s answer to its warm-up poll, which is not used, and settles the poll's
   * send when it was non-blocking ({@code warming}, else null).
   */
  private void awaitWarmUp(Request warming, int slave, int round) throws MPIException {
    long[] reading = new long[4];
    comm.Recv(reading, 0, 4, MPI.LONG, slave, BerkeleyKernel.TAG_READING);
    if (warming != null) {
      warming.Wait();
    }
    requireAnswer(reading, slave, round, WARM_UP_SAMPLE);
  }

  /** Checks that {@code slave}'s reading answers poll {@code round}/{@code sample}. */
  private static void requireAnswer(long[] reading, int slave, int round, int sample) {
    if (reading[0] != round || reading[1] != sample) {
      throw new IllegalStateException("rank " + slave + " answered poll " + reading[0] + "/"
          + reading[1] + " while the master asked " + round + "/" + sample);
    }
  }

  private OffsetSample pollSlave(int slave, int round) throws MPIException {
    List<OffsetSample> samples = new ArrayList<>(parameters.samples());
    long[] poll = new long[2];
    long[] reading = new long[4];
    for (int sample = 0; sample < parameters.samples(); sample++) {
      poll[0] = round;
      poll[1] = sample;
      long sentNanos = clock.nowNanos();
      comm.Send(poll, 0, 2, MPI.LONG, slave, BerkeleyKernel.TAG_POLL);
      comm.Recv(reading, 0, 4, MPI.LONG, slave, BerkeleyKernel.TAG_READING);
      long receivedNanos = clock.nowNanos();
      requireAnswer(reading, slave, round, sample);
      samples.add(OffsetSample.fromExchange(sentNanos, reading[2], reading[3], receivedNanos));
    }
    return OffsetSample.best(samples);
  }

  /** Answers this round's polls from {@code leader} (the master or this rank's submaster). */
  private void answerPolls(int round, int leader) throws MPIException {
    long[] poll = new long[2];
    long[] reading = new long[4];
    for (int sample = WARM_UP_SAMPLE; sample < parameters.samples(); sample++) {
      comm.Recv(poll, 0, 2, MPI.LONG, leader, BerkeleyKernel.TAG_POLL);
      long receivedNanos = clock.nowNanos();
      if (poll[0] != round || poll[1] != sample) {
        throw new IllegalStateException(
            "polled for " + poll[0] + "/" + poll[1] + " while expecting " + round + "/" + sample);
      }
      reading[0] = poll[0];
      reading[1] = poll[1];
      reading[2] = receivedNanos;
      reading[3] = clock.nowNanos();
      comm.Send(reading, 0, 4, MPI.LONG, leader, BerkeleyKernel.TAG_READING);
    }
  }
}
