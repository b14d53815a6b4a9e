package org.mpjbench.benchmarks;

import mpi.MPI;
import mpi.MPIException;
import org.mpjbench.kernels.mpi.PingPong;

/**
 * The collective operations of the baselines, {@link PingPongBenchmark} and {@link
 * AllreduceBenchmark}: plain MPI, the figures a kernel's score is read against.
 */
public final class BaselineOps {
  private static final int TAG_PING = 301;
  private static final int TAG_PONG = 302;

  private BaselineOps() {}

  /**
   * MPI round trips of one {@code long} between rank 0 and rank 1 ({@link PingPong#roundTrips});
   * nothing with one rank.
   *
   * @param roundTrips how many
   */
  public record PingPongs(int roundTrips) implements CollectiveOp {
    @Override
    public long run(RankState state) throws MPIException {
      if (state.size() > 1) {
        PingPong.roundTrips(state.comm(), state.rank(), 0, 1, roundTrips, TAG_PING, TAG_PONG);
      }
      return 0;
    }
  }

  /**
   * {@code Allreduce} sums of one {@code double} (the rank) over all ranks.
   *
   * @param reductions how many
   */
  public record Allreduces(int reductions) implements CollectiveOp {
    @Override
    public long run(RankState state) throws MPIException {
      double[] in = {state.rank()};
      double[] out = new double[1];
      for (int i = 0; i < reductions; i++) {
        state.comm().Allreduce(in, 0, out, 0, 1, MPI.DOUBLE, MPI.SUM);
      }
      return 0;
    }
  }
}
