package org.mpjbench.kernels.suzukikasami;

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
 * Suzuki-Kasami token-based mutual exclusion over MPJ ranks. Rank 0 starts with the token. A rank
 * without the token broadcasts REQUEST(rank, RN[rank]) and waits for the token; the holder gives
 * it up when idle; on release the holder queues every outstanding request and passes the token to
 * the head of the queue. An entry costs either 0 messages (the token was still here) or K: K-1
 * requests and the token.
 *
 * <p>Messages (all {@code long} arrays):
 *
 * <ul>
 *   <li>{@link #TAG_REQUEST}: {@code [rank, requestNumber]}
 *   <li>{@link #TAG_TOKEN}: the token, {@code [LN[0..K-1], queueLength, queue...]} ({@link Token})
 *   <li>{@link #TAG_DONE}: {@code [rank]}, a rank finished its entries (not counted)
 * </ul>
 *
 * <p>Trace events ({@code --trace}), beside the loop's {@code request}, {@code enter} and {@code
 * exit}: {@code send} and {@code receive} of every REQUEST (with its request number {@code n}) and
 * of the TOKEN (with the length of its {@code queue}); an entry made while the token was still
 * here shows a {@code request} with no REQUEST sent.
 *
 * <p>After the run rank 0 checks the gathered intervals ({@link MutexCheck}) and that the message
 * count is exactly K per asking entry, and fails the run when either does not hold.
 */
public final class SuzukiKasamiKernel extends MutexKernel<SuzukiKasamiResult> {
  /** Tag of a REQUEST. */
  public static final int TAG_REQUEST = 281;
  /** Tag of the token. */
  public static final int TAG_TOKEN = 282;
  /** Tag of the DONE notice. */
  public static final int TAG_DONE = 283;

  /** A kernel that runs with these parameters. */
  public SuzukiKasamiKernel(MutexParameters parameters) {
    super(parameters, TAG_DONE);
  }

  @Override
  protected MutexProtocol protocol(RankContext context, Outbox outbox) {
    return new Protocol(context, outbox);
  }

  /** K per entry that asked (the loop's extra figure): K-1 requests and the token. */
  @Override
  protected long expectedMessages(int ranks, MutexTrace trace) {
    return trace.extraTotal() * ranks;
  }

  @Override
  protected String messageRule(int ranks) {
    return "K = " + ranks + " messages per entry that asked for the token";
  }

  @Override
  protected SuzukiKasamiResult result(PropertyCheck check, MutexTrace trace,
      long expectedMessages, MutexFigures figures) {
    long requested = trace.extraTotal();
    return new SuzukiKasamiResult(check, trace.messages(), requested,
        trace.entries() - requested, figures, trace.waitLatencies());
  }

  /** The MPI side of one rank's {@link SuzukiKasamiState}. */
  private static final class Protocol extends MutexKernel.Peer {
    private final SuzukiKasamiState state;
    private long asked;

    Protocol(RankContext context, Outbox outbox) {
      super(context, outbox);
      this.state = new SuzukiKasamiState(rank, size);
    }

    @Override
    public int[] tags() {
      return new int[] {TAG_REQUEST, TAG_TOKEN};
    }

    @Override
    public int maxMessageLongs() {
      return Math.max(2, Token.encodedLength(size));
    }

    @Override
    public void request() throws MPIException {
      long n = state.request();
      if (n == SuzukiKasamiState.NO_REQUEST) {
        return;
      }
      asked++;
      long[] message = {rank, n};
      requestFromEveryOther(message, 2, TAG_REQUEST, "n", n);
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
      send(state.release());
    }

    @Override
    public void handle(int tag, int source, long[] message, int length) throws MPIException {
      if (tag == TAG_REQUEST) {
        if (length != 2 || message[0] != source) {
          throw new IllegalStateException("malformed REQUEST from rank " + source);
        }
        events.event("receive").with("message", "REQUEST").with("from", source)
            .with("n", message[1]).emit();
        send(state.onRequest(source, message[1]));
      } else {
        Token token = Token.decode(message, length, size);
        events.event("receive").with("message", "TOKEN").with("from", source)
            .with("queue", token.queueLength()).emit();
        state.onToken(token);
      }
    }

    private void send(SuzukiKasamiState.Handover handover) throws MPIException {
      if (handover == null) {
        return;
      }
      long[] wire = handover.token().encode();
      outbox.send(wire, wire.length, handover.to(), TAG_TOKEN);
      sent++;
      events.event("send").with("message", "TOKEN").with("to", handover.to())
          .with("queue", handover.token().queueLength()).emit();
    }

    @Override
    public long extraFigure() {
      return asked;
    }
  }
}
