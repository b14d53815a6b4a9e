package org.mpjbench.kernels.ricartagrawala;

/**
 * One rank's Ricart-Agrawala state, without MPI: its Lamport clock, its own request's timestamp
 * while it asks, the replies still missing, and the ranks whose replies it deferred. Each method
 * says what to send; the kernel sends it.
 */
public final class RicartAgrawalaState {
  private final int rank;
  private final int size;
  private final boolean[] deferred;
  private long clock;
  private boolean requesting;
  private boolean inside;
  private long requestTimestamp;
  private int repliesMissing;

  /** The state of {@code rank} of {@code size}, clock at 0. */
  public RicartAgrawalaState(int rank, int size) {
    this.rank = rank;
    this.size = size;
    this.deferred = new boolean[size];
  }

  /** Lamport's rule for a send or a local event: the clock ticks. */
  public static long tick(long clock) {
    return clock + 1;
  }

  /** Lamport's rule for a receive: {@code max(local, received) + 1}. */
  public static long onReceive(long local, long received) {
    return Math.max(local, received) + 1;
  }

  /**
   * The decision on REQUEST(theirTimestamp, theirRank): true to defer the reply, false to reply at
   * once. Defer while inside, or while asking with a smaller (timestamp, rank) pair: ties in
   * timestamps go to the lower rank, so two ranks never both defer each other.
   */
  public static boolean deferReply(boolean inside, boolean requesting, long myTimestamp,
      int myRank, long theirTimestamp, int theirRank) {
    if (inside) {
      return true;
    }
    if (!requesting) {
      return false;
    }
    return myTimestamp < theirTimestamp
        || (myTimestamp == theirTimestamp && myRank < theirRank);
  }

  /** The Lamport clock now. */
  public long clock() {
    return clock;
  }

  /** The rank asks: the clock ticks and stamps the REQUEST to send to every other rank. */
  public long request() {
    if (requesting || inside) {
      throw new IllegalStateException("rank " + rank + " asked twice");
    }
    clock = tick(clock);
    requestTimestamp = clock;
    requesting = true;
    repliesMissing = size - 1;
    return requestTimestamp;
  }

  /** Replies the rank still waits for while it asks. */
  public int repliesMissing() {
    return repliesMissing;
  }

  /** Whether the rank, asking, has every reply. */
  public boolean mayEnter() {
    return requesting && repliesMissing == 0;
  }

  /** Enters the critical section (every reply must be here). */
  public void enter() {
    if (!mayEnter()) {
      throw new IllegalStateException("rank " + rank + " entered with " + repliesMissing
          + " replies missing");
    }
    requesting = false;
    inside = true;
  }

  /**
   * REQUEST(timestamp, j) arrived: the clock takes it in; returns the timestamp of the REPLY to
   * send to j at once, or -1 when the reply is deferred until this rank leaves.
   */
  public long onRequest(long timestamp, int j) {
    clock = onReceive(clock, timestamp);
    if (deferReply(inside, requesting, requestTimestamp, rank, timestamp, j)) {
      deferred[j] = true;
      return -1;
    }
    clock = tick(clock);
    return clock;
  }

  /** A REPLY(timestamp) arrived from some rank. */
  public void onReply(long timestamp) {
    if (!requesting || repliesMissing == 0) {
      throw new IllegalStateException("rank " + rank + " received a reply it did not ask for");
    }
    clock = onReceive(clock, timestamp);
    repliesMissing--;
  }

  /**
   * Leaves the critical section: returns the ranks whose replies were deferred (now to be sent,
   * each stamped by {@link #stampReply()}), in rank order.
   */
  public int[] release() {
    if (!inside) {
      throw new IllegalStateException("rank " + rank + " released without being inside");
    }
    inside = false;
    int count = 0;
    for (boolean d : deferred) {
      count += d ? 1 : 0;
    }
    int[] ranks = new int[count];
    int next = 0;
    for (int j = 0; j < size; j++) {
      if (deferred[j]) {
        ranks[next++] = j;
        deferred[j] = false;
      }
    }
    return ranks;
  }

  /** Ticks the clock for a REPLY about to be sent and returns its timestamp. */
  public long stampReply() {
    clock = tick(clock);
    return clock;
  }
}
