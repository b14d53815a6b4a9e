package org.mpjbench.kernels.naming;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.mpi.TimedReceive;

/**
 * The request and reply of a {@link NameServer} over MPJ ranks, which the naming kernel and the
 * remote-call kernel's registry share: a request {@code [sequence, address, name...]} (the name
 * {@link NameCodec#WORDS} longs from index 2; address 0 for a resolution), a reply {@code
 * [sequence, status or found (1) / miss (0), 0 or address or miss reason]}. Each kernel keeps its
 * own tags, so that its messages stay its own.
 *
 * @param registerTag tag of a registration
 * @param registeredTag tag of the server's answer to a registration
 * @param resolveTag tag of a resolution
 * @param resolvedTag tag of the server's answer to a resolution
 */
public record NameServerExchange(
    int registerTag, int registeredTag, int resolveTag, int resolvedTag) {
  /** Longs of a request: sequence, address, name. */
  public static final int REQUEST_LONGS = 2 + NameCodec.WORDS;
  /** Longs of a reply: sequence, status or found, value. */
  public static final int REPLY_LONGS = 3;

  /** What the server says when no request came in time. */
  @FunctionalInterface
  public interface Overdue {
    /** The message, {@code due} of {@code expected} requests still to come. */
    String message(long due, long expected);
  }

  /**
   * The server's side: answers {@code expected} requests of {@code tag} ({@link #registerTag} or
   * {@link #resolveTag}) from any rank, each awaited for at most {@code timeoutNanos}; returns
   * the replies sent.
   *
   * @throws IllegalStateException with {@code overdue}'s message when a request does not come
   */
  public long serve(Intracomm comm, NameServer server, int tag, long expected, long timeoutNanos,
      Overdue overdue) throws MPIException {
    long[] request = new long[REQUEST_LONGS];
    long[] reply = new long[REPLY_LONGS];
    for (long served = 0; served < expected; served++) {
      Status status = TimedReceive.receive(comm, request, 0, REQUEST_LONGS, MPI.LONG,
          MPI.ANY_SOURCE, tag, System.nanoTime() + timeoutNanos);
      if (status == null) {
        throw new IllegalStateException(overdue.message(expected - served, expected));
      }
      String name = NameCodec.decode(request, 2);
      reply[0] = request[0];
      if (tag == registerTag) {
        reply[1] = server.register(name, request[1]);
        reply[2] = 0;
        comm.Send(reply, 0, REPLY_LONGS, MPI.LONG, status.source, registeredTag);
      } else {
        NameServer.Resolution answer = server.resolve(name);
        reply[1] = answer.found() ? 1 : 0;
        reply[2] = answer.value();
        comm.Send(reply, 0, REPLY_LONGS, MPI.LONG, status.source, resolvedTag);
      }
    }
    return expected;
  }

  /**
   * The client's side: sends {@code request} with {@code tag} to {@code serverRank} and waits at
   * most {@code timeoutNanos} for the answer with the matching reply tag; returns the reply, or
   * null when none came in time (the caller names what it waited for).
   */
  public long[] ask(Intracomm comm, int serverRank, long[] request, int tag, long timeoutNanos)
      throws MPIException {
    comm.Send(request, 0, REQUEST_LONGS, MPI.LONG, serverRank, tag);
    long[] reply = new long[REPLY_LONGS];
    int replyTag = tag == registerTag ? registeredTag : resolvedTag;
    if (TimedReceive.receive(comm, reply, 0, REPLY_LONGS, MPI.LONG, serverRank, replyTag,
        System.nanoTime() + timeoutNanos) == null) {
      return null;
    }
    return reply;
  }
}
