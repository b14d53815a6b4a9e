package org.mpjbench.kernels.mpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;
import mpi.Status;

/**
 * Non-blocking sends for algorithms whose ranks talk to each other at will. MPJ Express's
 * multicore device sends by rendezvous, even one-long messages: a blocking {@code Send} completes
 * only when the receiver takes the message, so two ranks sending to each other at once would
 * deadlock, and a send to a crashed rank (which never receives) or to a rank that has finished
 * would never return. So every message leaves with {@code Isend} on a private copy; a message loop
 * completes the requests as it goes ({@link #progress()}), and an algorithm with ranks that may
 * never read their messages ends with {@link #settle}.
 */
public final class Outbox {
  private final Intracomm comm;
  private final List<Request> pending = new ArrayList<>();

  /** An outbox for messages on {@code comm}. */
  public Outbox(Intracomm comm) {
    this.comm = comm;
  }

  /** Sends {@code message} (a private copy) to {@code target} with {@code tag}, without waiting. */
  public void send(long[] message, int target, int tag) throws MPIException {
    send(message, message.length, target, tag);
  }

  /** Sends the first {@code length} values of {@code message} to {@code target} with {@code tag}. */
  public void send(long[] message, int length, int target, int tag) throws MPIException {
    long[] copy = Arrays.copyOf(message, length);
    pending.add(comm.Isend(copy, 0, length, MPI.LONG, target, tag));
  }

  /** Drops the sends that completed; returns true if any did. */
  public boolean progress() throws MPIException {
    boolean completed = false;
    for (Iterator<Request> it = pending.iterator(); it.hasNext(); ) {
      if (it.next().Test() != null) {
        it.remove();
        completed = true;
      }
    }
    return completed;
  }

  /** Sends not yet completed. */
  public int pending() {
    return pending.size();
  }

  /**
   * Collective over {@code world}, on every rank (crashed ones too, with an empty outbox): after a
   * Barrier (every message has then been posted), receives and discards every message still
   * waiting for this rank on this outbox's communicator (none longer than {@code maxLength}
   * longs), then completes this rank's sends. Returns how many messages were discarded unread.
   */
  public long settle(Intracomm world, int maxLength) throws MPIException {
    world.Barrier();
    long[] discard = new long[Math.max(maxLength, 1)];
    long unread = 0;
    Status waiting;
    // Ends when the inbox is empty: every message was posted before the Barrier.
    while ((waiting = Probe.iprobe(comm, MPI.ANY_SOURCE, MPI.ANY_TAG)) != null) {
      comm.Recv(discard, 0, discard.length, MPI.LONG, waiting.source, waiting.tag);
      unread++;
    }
    // Cannot block: every destination has drained its inbox (the multicore device matches an
    // Isend when it is posted; niodev sends messages this small eagerly).
    Request.Waitall(pending.toArray(Request[]::new));
    pending.clear();
    return unread;
  }
}
