package org.mpjbench.kernels.lamport;

/**
 * One rank's logical clocks and the rules: tick before a local event or a send (the send carries
 * the new stamp); on a receive take {@code max(local, received) + 1}; the vector clock takes the
 * component-wise maximum, then ticks its own component. Each call returns the event it made. Not
 * thread-safe: one rank owns it.
 */
public final class LogicalClock {
  private final int rank;
  private final long[] vector;
  private long lamport;
  private long sequence;

  /** A clock for {@code rank} of {@code ranks}; {@code withVector} also keeps a vector clock. */
  public LogicalClock(int rank, int ranks, boolean withVector) {
    if (rank < 0 || rank >= ranks) {
      throw new IllegalArgumentException("rank " + rank + " of " + ranks);
    }
    this.rank = rank;
    this.vector = withVector ? new long[ranks] : null;
  }

  /** A local event. */
  public LamportEvent local(long hostNanos) {
    tick();
    return event(LamportEvent.Type.LOCAL, -1, hostNanos);
  }

  /** Sending message {@code messageId}: the event carries the stamps to put on the message. */
  public LamportEvent send(long messageId, long hostNanos) {
    tick();
    return event(LamportEvent.Type.SEND, messageId, hostNanos);
  }

  /**
   * Receiving message {@code messageId} stamped {@code receivedLamport} and {@code
   * receivedVector} (null without vector clocks).
   */
  public LamportEvent receive(long messageId, long receivedLamport, long[] receivedVector,
      long hostNanos) {
    lamport = Math.max(lamport, receivedLamport);
    if (vector != null) {
      if (receivedVector == null || receivedVector.length != vector.length) {
        throw new IllegalArgumentException("message " + messageId + " has no vector of length "
            + vector.length);
      }
      for (int i = 0; i < vector.length; i++) {
        vector[i] = Math.max(vector[i], receivedVector[i]);
      }
    }
    tick();
    return event(LamportEvent.Type.RECEIVE, messageId, hostNanos);
  }

  /** The current Lamport stamp. */
  public long lamport() {
    return lamport;
  }

  private void tick() {
    lamport++;
    if (vector != null) {
      vector[rank]++;
    }
  }

  private LamportEvent event(LamportEvent.Type type, long messageId, long hostNanos) {
    return new LamportEvent(type, lamport, messageId, rank, sequence++, hostNanos,
        vector == null ? null : vector.clone());
  }
}
