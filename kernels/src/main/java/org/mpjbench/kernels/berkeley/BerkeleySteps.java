package org.mpjbench.kernels.berkeley;

import java.util.List;
import mpi.MPIException;
import org.mpjbench.kernels.clock.ClockSkew;
import org.mpjbench.kernels.spi.KernelSession;

/**
 * Berkeley as steps a benchmark times: a step is one synchronization round of the clocks the
 * session drew when it opened; the check gathers every clock's true error and gives rank 0 the
 * true skew in ns, failing when a healthy clock was left out of the last round's average (a
 * broken kernel). The benchmark compares the skew with its own bound.
 */
final class BerkeleySteps implements KernelSession {
  private final BerkeleySession session;
  private final int rank;
  private int rounds;
  private BerkeleySession.Step lastStep;

  BerkeleySteps(BerkeleySession session, int rank) {
    this.session = session;
    this.rank = rank;
  }

  /** Runs {@code count} rounds; returns them on rank 0. */
  @Override
  public long steps(int count) throws MPIException {
    for (int i = 0; i < count; i++) {
      lastStep = session.synchronize(++rounds);
    }
    return rank == 0 ? count : 0;
  }

  /** The true skew in ns on rank 0, after the rounds so far. */
  @Override
  public long check() throws MPIException {
    long[] errors = session.gatherTrueErrors();
    if (rank != 0) {
      return 0;
    }
    boolean[] faulty = session.faulty();
    long skewNanos = ClockSkew.skewNanos(errors, faulty);
    List<Integer> leftOut = lastStep == null ? List.of()
        : lastStep.agreement().excluded().stream().filter(r -> !faulty[r]).toList();
    if (!leftOut.isEmpty()) {
      throw new IllegalStateException("Berkeley check failed after " + rounds + " rounds: healthy"
          + " clocks left out of the average: " + leftOut + " (true skew " + skewNanos + " ns)");
    }
    return skewNanos;
  }

  /** Nothing to release: the clocks are simulated on each rank. */
  @Override
  public void close() {}
}
