package org.mpjbench.kernels.suzukikasami;

import mpi.MPIException;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mutex.MutexCheck;
import org.mpjbench.kernels.mutex.MutexFigures;
import org.mpjbench.kernels.mutex.MutexLoop;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.mutex.MutexProtocol;
import org.mpjbench.kernels.mutex.MutexTrace;
import org.mpjbench.kernels.rank.KernelEvents;
import org.mpjbench.kernels.rank.RankContext;
import org.mpjbench.kernels.rank.RankProgram;
import org.mpjbench.kernels.mpi.Outbox;

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
public final class SuzukiKasamiKernel implements RankProgram<SuzukiKasamiResult> {
  /** Tag of a REQUEST. */
  public static final int TAG_REQUEST = 281;
  /** Tag of the token. */
  public static final int TAG_TOKEN = 282;
  /** Tag of the DONE notice. */
  public static final int TAG_DONE = 283;

  private final MutexParameters parameters;

  /** A kernel that runs with these parameters. */
  public SuzukiKasamiKernel(MutexParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public SuzukiKasamiResult run(RankContext context) throws MPIException {
    Outbox outbox = new Outbox(context.comm());
    Protocol protocol = new Protocol(context, outbox);
    MutexTrace trace = new MutexLoop(context, parameters, protocol, outbox, TAG_DONE).run();
    if (!context.isRoot()) {
      return null;
    }
    int size = context.size();
    long requested = trace.extraTotal();
    PropertyCheck check = MutexCheck.withMessageCount(
        MutexCheck.check(trace.intervalsByRank(), parameters.entries()),
        trace.messages(), requested * size,
        "K = " + size + " messages per entry that asked for the token");
    SuzukiKasamiResult result = new SuzukiKasamiResult(check, trace.messages(), requested,
        trace.entries() - requested, MutexFigures.of(trace, parameters.holdNanos()));
    check.requireHolds();
    return result;
  }

  /** The MPI side of one rank's {@link SuzukiKasamiState}. */
  private static final class Protocol implements MutexProtocol {
    private final Outbox outbox;
    private final int rank;
    private final int size;
    private final SuzukiKasamiState state;
    private final KernelEvents events;
    private long sent;
    private long asked;

    Protocol(RankContext context, Outbox outbox) {
      this.outbox = outbox;
      this.events = context.events();
      this.rank = context.rank();
      this.size = context.size();
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
      for (int other = 0; other < size; other++) {
        if (other != rank) {
          outbox.send(message, 2, other, TAG_REQUEST);
          sent++;
          events.event("send").with("message", "REQUEST").with("to", other).with("n", n).emit();
        }
      }
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
    public long messagesSent() {
      return sent;
    }

    @Override
    public long extraFigure() {
      return asked;
    }
  }
}
