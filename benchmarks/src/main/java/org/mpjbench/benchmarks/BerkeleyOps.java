package org.mpjbench.benchmarks;

import java.util.List;
import mpi.MPIException;
import org.mpjbench.kernels.berkeley.BerkeleyParameters;
import org.mpjbench.kernels.berkeley.BerkeleySession;
import org.mpjbench.kernels.clock.ClockSkew;

/**
 * The collective operations of {@link BerkeleyRoundBenchmark}: a trial's setup, its rounds and its
 * check, and the trial they share on each rank ({@link RankState#berkeley()}).
 */
public final class BerkeleyOps {
  private BerkeleyOps() {}

  /**
   * Starts a trial: draws every rank's clock in a new session (one healthy clock per rank, the
   * seed fixed so that every trial draws the same clocks).
   *
   * @param samples polls per slave and round
   * @param toleranceUs the tolerance of the fault-tolerant average, in µs
   */
  public record Setup(int samples, long toleranceUs) implements CollectiveOp {
    @Override
    public long run(RankState state) {
      // Rounds come from Rounds; 50 ms spread, 20 ppm, seed 1 (the same clocks every trial).
      state.start(new Trial(new BerkeleySession(state.comm(), state.rank(), state.size(),
          new BerkeleyParameters(1, samples, 50.0, 20.0, 1L, List.of(), 0.0, toleranceUs, 0L))));
      return 0;
    }
  }

  /**
   * Runs synchronization rounds of the current trial.
   *
   * @param rounds how many
   */
  public record Rounds(int rounds) implements CollectiveOp {
    @Override
    public long run(RankState state) throws MPIException {
      Trial trial = state.trial(Trial.class);
      for (int i = 0; i < rounds; i++) {
        trial.lastStep = trial.session.synchronize(++trial.rounds);
      }
      return 0;
    }
  }

  /**
   * Ends a trial: gathers the true errors; on rank 0 the true skew must be within the bound and no
   * clock (none is faulty here) may have been left out of the last average, else the kernel is
   * broken and the run must fail. Returns the true skew in ns on rank 0.
   */
  public record Check() implements CollectiveOp {
    @Override
    public long run(RankState state) throws MPIException {
      Trial trial = state.trial(Trial.class);
      long[] errors = trial.session.gatherTrueErrors();
      if (state.rank() != 0) {
        return 0;
      }
      long skewNanos = ClockSkew.skewNanos(errors, trial.session.faulty());
      long boundNanos = Math.round(state.parameters().berkeleySkewBoundUs() * 1_000);
      List<Integer> excluded =
          trial.lastStep == null ? List.of() : trial.lastStep.agreement().excluded();
      if (!excluded.isEmpty() || skewNanos > boundNanos) {
        throw new IllegalStateException("Berkeley check failed after " + trial.rounds
            + " rounds: true skew " + skewNanos + " ns (bound " + boundNanos + " ns), healthy"
            + " clocks left out of the average: " + excluded);
      }
      return skewNanos;
    }
  }

  /** One trial on one rank: its session, the rounds run so far and the last round's step. */
  static final class Trial {
    private final BerkeleySession session;
    private int rounds;
    private BerkeleySession.Step lastStep;

    Trial(BerkeleySession session) {
      this.session = session;
    }
  }
}
