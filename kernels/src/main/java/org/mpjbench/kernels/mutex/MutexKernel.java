package org.mpjbench.kernels.mutex;

import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.Outbox;
import org.mpjbench.kernels.program.KernelEvents;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;

/**
 * The run every mutual-exclusion kernel shares: one {@link Outbox} for the rank's sends, its
 * algorithm ({@link MutexProtocol}) driven by {@link MutexLoop}, then on rank 0 the gathered
 * intervals checked ({@link MutexCheck}) together with the algorithm's own message count, and the
 * run failed when either does not hold. A kernel gives its protocol, its textbook message count and
 * its result.
 *
 * @param <R> the kernel's result
 */
public abstract class MutexKernel<R> implements RankProgram<R> {
  /** The parameters the kernel runs with. */
  protected final MutexParameters parameters;
  private final int doneTag;

  /**
   * A kernel that runs with {@code parameters}, its ranks telling each other they are done with
   * {@code doneTag} (a tag of its own, beside its algorithm's).
   */
  protected MutexKernel(MutexParameters parameters, int doneTag) {
    this.parameters = parameters;
    this.doneTag = doneTag;
  }

  @Override
  public final R run(RankContext context) throws MPIException {
    Outbox outbox = new Outbox(context.comm());
    MutexTrace trace =
        new MutexLoop(context, parameters, protocol(context, outbox), outbox, doneTag).run();
    if (!context.isRoot()) {
      return null;
    }
    long expected = expectedMessages(context.size(), trace);
    PropertyCheck check = MutexCheck.withMessageCount(
        MutexCheck.check(trace.intervalsByRank(), parameters.entries()),
        trace.messages(), expected, messageRule(context.size()));
    R result = result(check, trace, expected, MutexFigures.of(trace, parameters.holdNanos()));
    check.requireHolds();
    return result;
  }

  /** This rank's side of the algorithm, sending through {@code outbox}. */
  protected abstract MutexProtocol protocol(RankContext context, Outbox outbox);

  /** The messages the algorithm must have sent in all, by its textbook, for this trace. */
  protected abstract long expectedMessages(int ranks, MutexTrace trace);

  /** The textbook's count in words, as the check names it (e.g. "2(K-1) = 4 messages ..."). */
  protected abstract String messageRule(int ranks);

  /** Rank 0's result, made before the check may fail the run so that it can be recorded. */
  protected abstract R result(PropertyCheck check, MutexTrace trace, long expectedMessages,
      MutexFigures figures);

  /** What every protocol keeps: where it sends, who it is, its trace and its count of sends. */
  protected abstract static class Peer implements MutexProtocol {
    /** Where the protocol's messages go out. */
    protected final Outbox outbox;
    /** This rank. */
    protected final int rank;
    /** The number of ranks. */
    protected final int size;
    /** This rank's trace events. */
    protected final KernelEvents events;
    /** Algorithm messages sent so far; a protocol adds one per send. */
    protected long sent;

    /** This rank's peer in {@code context}, sending through {@code outbox}. */
    protected Peer(RankContext context, Outbox outbox) {
      this.outbox = outbox;
      this.events = context.events();
      this.rank = context.rank();
      this.size = context.size();
    }

    @Override
    public long messagesSent() {
      return sent;
    }

    /**
     * Sends the REQUEST {@code message} (its first {@code length} longs) with {@code tag} to every
     * other rank, counting each send and tracing it with {@code field}: {@code value} (what the
     * protocol's request carries, e.g. its timestamp).
     */
    protected void requestFromEveryOther(long[] message, int length, int tag, String field,
        long value) throws MPIException {
      for (int other = 0; other < size; other++) {
        if (other != rank) {
          outbox.send(message, length, other, tag);
          sent++;
          events.event("send").with("message", "REQUEST").with("to", other).with(field, value)
              .emit();
        }
      }
    }
  }
}
