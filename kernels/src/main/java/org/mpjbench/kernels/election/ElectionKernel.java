package org.mpjbench.kernels.election;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mpi.Intracomm;
import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.Outbox;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;

/**
 * The run every election kernel shares. The election runs on a duplicate of the communicator, so
 * that its messages can never be mistaken for the final Gather's, and sends through an {@link
 * Outbox} settled afterwards (what was sent to a crashed rank stays unread and blocks nobody).
 * After a Barrier the live ranks elect, the crashed ones only report; then every rank gathers its
 * {@link RankReport} to rank 0, which checks them, makes the result and fails the run when the
 * check does not hold. A kernel gives one live rank's part, its longest message, its check and its
 * result.
 *
 * @param <R> the kernel's result
 */
public abstract class ElectionKernel<R> implements RankProgram<R> {
  /**
   * Slack added to the hard bound of any live rank's wait, whatever the timeout: a kernel's bound
   * is far beyond its slowest correct election, plus this.
   */
  protected static final long HARD_SLACK_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** The parameters the kernel runs with. */
  protected final ElectionParameters parameters;

  /** A kernel that runs with {@code parameters}. */
  protected ElectionKernel(ElectionParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public final R run(RankContext context) throws MPIException {
    Intracomm world = context.comm();
    int size = context.size();
    ElectionSetup setup = parameters.setupFor(size);
    Intracomm election = (Intracomm) world.clone();
    Outbox outbox = new Outbox(election);
    world.Barrier();
    long startNanos = System.nanoTime();
    RankReport mine = setup.isLive(context.rank())
        ? elect(context, election, outbox, setup, startNanos)
        : RankReport.crashed(context.rank());
    mine = mine.withUnread(outbox.settle(world, maxMessageLongs(size)));
    List<RankReport> reports = RankReport.gather(world, size, mine);
    if (!context.isRoot()) {
      return null;
    }
    PropertyCheck check = check(setup, reports);
    R result = result(check, setup, reports, CoordinatorAgreement.latency(setup, reports));
    check.requireHolds();
    return result;
  }

  /**
   * One live rank's part: elects on {@code election}, sending through {@code outbox}, and reports
   * its belief, learned {@code startNanos} after the Barrier.
   */
  protected abstract RankReport elect(RankContext context, Intracomm election, Outbox outbox,
      ElectionSetup setup, long startNanos) throws MPIException;

  /** The longest message of the election with {@code ranks} ranks, in {@code long}s. */
  protected abstract int maxMessageLongs(int ranks);

  /** The kernel's property, checked on rank 0 against every rank's report. */
  protected abstract PropertyCheck check(ElectionSetup setup, List<RankReport> reports);

  /**
   * Rank 0's result, made before the check may fail the run so that it can be recorded; {@code
   * latency} is {@link CoordinatorAgreement#latency}'s.
   */
  protected abstract R result(PropertyCheck check, ElectionSetup setup, List<RankReport> reports,
      long[] latency);

  /**
   * What every live rank's part of an election keeps: the election's communicator and outbox, who
   * it is among how many, the timeout, its count of sends per report counter and its trace.
   */
  protected abstract static class LiveRank {
    /** The election's communicator (a duplicate of the world's). */
    protected final Intracomm comm;
    /** Where the rank's messages go out. */
    protected final Outbox outbox;
    /** This rank. */
    protected final int rank;
    /** The number of ranks, crashed ones included. */
    protected final int ranks;
    /** The kernel's timeout, in nanoseconds. */
    protected final long timeoutNanos;
    /** Sends so far, by the kernel's report counters ({@link RankReport#COUNTERS} of them). */
    protected final long[] sent = new long[RankReport.COUNTERS];
    /** This rank's trace events. */
    protected final KernelEvents events;

    /** This rank's part in {@code context}, electing on {@code comm} through {@code outbox}. */
    protected LiveRank(RankContext context, Intracomm comm, Outbox outbox, ElectionSetup setup,
        long timeoutMs) {
      this.events = context.events();
      this.comm = comm;
      this.outbox = outbox;
      this.rank = context.rank();
      this.ranks = setup.ranks();
      this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }
  }
}
