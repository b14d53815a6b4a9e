package org.mpjbench.kernels.ricartagrawala;

import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mpi.Outbox;
import org.mpjbench.kernels.mutex.MutexCheck;
import org.mpjbench.kernels.mutex.MutexFigures;
import org.mpjbench.kernels.mutex.MutexKernel;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.mutex.MutexProtocol;
import org.mpjbench.kernels.mutex.MutexTrace;
import org.mpjbench.kernels.program.RankContext;

/**
 * Ricart-Agrawala mutual exclusion over MPJ ranks. A rank that wants the critical section stamps
 * a REQUEST with its Lamport clock and sends it to every other rank; a rank replies at once unless
 * it is inside or asking with a smaller (timestamp, rank), and then replies when it leaves. A rank
 * enters after K-1 replies, so every entry costs exactly 2(K-1) messages.
 *
 * <p>Messages (all {@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_REQUEST}: {@code [timestamp, rank]}
 *   <li>{@link #TAG_REPLY}: {@code [timestamp, rank]}
 *   <li>{@link #TAG_DONE}: {@code [rank]}, a rank finished its entries (not counted)
 * </ul>
 *
 * <p>Trace events ({@code --trace}), beside the loop's {@code request}, {@code enter} and {@code
 * exit}: {@code send} and {@code receive} of every REQUEST and REPLY with its Lamport timestamp
 * ({@code to}/{@code from}, {@code message}, {@code clock}); a received REQUEST says whether its
 * reply was {@code deferred}, a received REPLY how many are still {@code missing}.
 *
 * <p>After the run rank 0 checks the gathered intervals ({@link MutexCheck}) and that the message
 * count is exactly 2(K-1) per entry, and fails the run when either does not hold.
 */
public final class RicartAgrawalaKernel extends MutexKernel<RicartAgrawalaResult> {
  /** Tag of a REQUEST. */
  public static final int TAG_REQUEST = 321;
  /** Tag of a REPLY. */
  public static final int TAG_REPLY = 322;
  /** Tag of the DONE notice. */
  public static final int TAG_DONE = 323;

  /** A kernel that runs with these parameters. */
  public RicartAgrawalaKernel(MutexParameters parameters) {
    super(parameters, TAG_DONE);
  }

  @Override
  protected MutexProtocol protocol(RankContext context, Outbox outbox) {
    return new Protocol(context, outbox);
  }

  @Override
  protected long expectedMessages(int ranks, MutexTrace trace) {
    return 2L * (ranks - 1) * trace.entries();
  }

  @Override
  protected String messageRule(int ranks) {
    return "2(K-1) = " + 2 * (ranks - 1) + " messages per entry";
  }

  @Override
  protected RicartAgrawalaResult result(PropertyCheck check, MutexTrace trace,
      long expectedMessages, MutexFigures figures) {
    return new RicartAgrawalaResult(check, trace.messages(), expectedMessages, figures,
        trace.waitLatencies());
  }

  /** The MPI side of one rank's {@link RicartAgrawalaState}. */
  private static final class Protocol extends MutexKernel.Peer {
    private final RicartAgrawalaState state;
    private final long[] message = new long[2];

    Protocol(RankContext context, Outbox outbox) {
      super(context, outbox);
      this.state = new RicartAgrawalaState(rank, size);
    }

    @Override
    public int[] tags() {
      return new int[] {TAG_REQUEST, TAG_REPLY};
    }

    @Override
    public int maxMessageLongs() {
      return 2;
    }

    @Override
    public void request() throws MPIException {
      message[0] = state.request();
      message[1] = rank;
      requestFromEveryOther(message, 2, TAG_REQUEST, "clock", message[0]);
    }

    @Override
    public boolean mayEnter() {
      return state.mayEnter();
    }

    @Override
    public void enter() {
      state.enter();
    }

    @Override
    public void release() throws MPIException {
      for (int waiting : state.release()) {
        reply(waiting, state.stampReply());
      }
    }

    @Override
    public void handle(int tag, int source, long[] received, int length) throws MPIException {
      if (length != 2 || received[1] != source) {
        throw new IllegalStateException("malformed message (tag " + tag + ") from rank "
            + source);
      }
      if (tag == TAG_REQUEST) {
        long timestamp = state.onRequest(received[0], source);
        events.event("receive").with("message", "REQUEST").with("from", source)
            .with("clock", received[0]).with("deferred", timestamp < 0).emit();
        if (timestamp >= 0) {
          reply(source, timestamp);
        }
      } else {
        state.onReply(received[0]);
        events.event("receive").with("message", "REPLY").with("from", source)
            .with("clock", received[0]).with("missing", state.repliesMissing()).emit();
      }
    }

    private void reply(int to, long timestamp) throws MPIException {
      message[0] = timestamp;
      message[1] = rank;
      outbox.send(message, 2, to, TAG_REPLY);
      sent++;
      events.event("send").with("message", "REPLY").with("to", to).with("clock", timestamp).emit();
    }

    @Override
    public long extraFigure() {
      return 0;
    }
  }
}
