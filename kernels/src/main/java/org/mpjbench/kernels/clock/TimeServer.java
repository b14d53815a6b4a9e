package org.mpjbench.kernels.clock;

import java.util.concurrent.TimeUnit;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Status;
import org.mpjbench.kernels.mpi.TimedReceive;

/**
 * The exchange of the time-server algorithms (Cristian's, the centralized one): a client sends a
 * numbered request, the server answers with its clock's reading. What a client does with the
 * reading is its algorithm's; this is the MPI part, every wait bounded.
 *
 * <p>Messages ({@code long} arrays): the request {@code [sequence]} on {@code tagRequest}, the
 * reply {@code [sequence, serverClockNanos]} on {@code tagReply}.
 */
public final class TimeServer {
  private final Intracomm comm;
  private final int server;
  private final int tagRequest;
  private final int tagReply;
  private final long timeoutNanos;
  private final String kernel;

  /**
   * The exchange on {@code comm} with rank {@code server} as the time server.
   *
   * @param timeoutNanos longest wait for one request or reply
   * @param kernel the kernel's name, for the messages of a wait that ran out
   */
  public TimeServer(Intracomm comm, int server, int tagRequest, int tagReply, long timeoutNanos,
      String kernel) {
    this.comm = comm;
    this.server = server;
    this.tagRequest = tagRequest;
    this.tagReply = tagReply;
    this.timeoutNanos = timeoutNanos;
    this.kernel = kernel;
  }

  /**
   * One exchange as the client saw it.
   *
   * @param sentNanos the client's clock when the request left
   * @param serverNanos the server's clock reading
   * @param receivedNanos the client's clock when the reply arrived
   * @param receiptHostNanos the host's clock when the reply arrived (for the checks' drift terms)
   */
  public record Exchange(long sentNanos, long serverNanos, long receivedNanos,
      long receiptHostNanos) {
    /** The round trip on the client's clock. */
    public long roundTripNanos() {
      return receivedNanos - sentNanos;
    }
  }

  /**
   * The server: answers {@code expected} requests from any client in arrival order, each with its
   * clock read just before the reply leaves. Returns the replies sent.
   */
  public long serve(SimulatedClock clock, long expected) throws MPIException {
    long[] request = new long[1];
    long[] reply = new long[2];
    for (long served = 0; served < expected; served++) {
      Status status = TimedReceive.receive(comm, request, 0, 1, MPI.LONG, MPI.ANY_SOURCE,
          tagRequest, System.nanoTime() + timeoutNanos);
      if (status == null) {
        throw new IllegalStateException(kernel + ": the server waited " + millis()
            + " ms for a request, with " + (expected - served) + " of " + expected
            + " still expected");
      }
      reply[0] = request[0];
      // Read as late as possible: the reading's age when it arrives is what the client cannot see.
      reply[1] = clock.nowNanos();
      comm.Send(reply, 0, 2, MPI.LONG, status.source, tagReply);
    }
    return expected;
  }

  /** A client: request number {@code sequence} and its reply, timed on {@code clock}. */
  public Exchange ask(SimulatedClock clock, long sequence) throws MPIException {
    long[] request = {sequence};
    long[] reply = new long[2];
    long sent = clock.nowNanos();
    comm.Send(request, 0, 1, MPI.LONG, server, tagRequest);
    Status status = TimedReceive.receive(comm, reply, 0, 2, MPI.LONG, server, tagReply,
        System.nanoTime() + timeoutNanos);
    long received = clock.nowNanos();
    long receiptHost = System.nanoTime();
    if (status == null) {
      throw new IllegalStateException(kernel + ": no reply from the time server within "
          + millis() + " ms to request " + sequence);
    }
    if (reply[0] != sequence) {
      throw new IllegalStateException(
          kernel + ": reply to request " + reply[0] + " while waiting for " + sequence);
    }
    return new Exchange(sent, reply[1], received, receiptHost);
  }

  private long millis() {
    return TimeUnit.NANOSECONDS.toMillis(timeoutNanos);
  }
}
