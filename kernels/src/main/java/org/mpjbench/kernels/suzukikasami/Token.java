package org.mpjbench.kernels.suzukikasami;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Suzuki-Kasami's token: LN[j], the number of rank j's last request that was served, and a FIFO
 * queue of ranks waiting for the token. On the wire it is a fixed {@code long[]} layout of
 * {@code 2K + 1} values: {@code [LN[0..K-1], queueLength, queue..., (unused up to K)]}.
 */
public final class Token {
  private final long[] lastServed;
  private final Deque<Integer> queue;

  /** A fresh token for {@code size} ranks: nothing served, nobody queued. */
  public Token(int size) {
    this(new long[size], new ArrayDeque<>());
  }

  private Token(long[] lastServed, Deque<Integer> queue) {
    this.lastServed = lastServed;
    this.queue = queue;
  }

  /** The wire length of a token for {@code size} ranks. */
  public static int encodedLength(int size) {
    return 2 * size + 1;
  }

  /** LN[rank]. */
  public long lastServed(int rank) {
    return lastServed[rank];
  }

  /** Records that {@code rank}'s request number {@code request} was served. */
  void served(int rank, long request) {
    lastServed[rank] = request;
  }

  /** Whether {@code rank} is queued. */
  public boolean isQueued(int rank) {
    return queue.contains(rank);
  }

  /** The queue, head first. */
  public int[] queue() {
    return queue.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Ranks queued. */
  public int queueLength() {
    return queue.size();
  }

  void enqueue(int rank) {
    queue.addLast(rank);
  }

  /** Removes and returns the head of the queue, or -1 when it is empty. */
  int pollHead() {
    Integer head = queue.pollFirst();
    return head == null ? -1 : head;
  }

  /** The wire form. */
  public long[] encode() {
    int size = lastServed.length;
    long[] wire = new long[encodedLength(size)];
    System.arraycopy(lastServed, 0, wire, 0, size);
    wire[size] = queue.size();
    int i = size + 1;
    for (int rank : queue) {
      wire[i++] = rank;
    }
    return wire;
  }

  /** Reads the wire form for {@code size} ranks; rejects a malformed token loudly. */
  public static Token decode(long[] wire, int length, int size) {
    if (length != encodedLength(size)) {
      throw new IllegalArgumentException(
          "a token for " + size + " ranks has " + encodedLength(size) + " longs, got " + length);
    }
    long queued = wire[size];
    if (queued < 0 || queued > size) {
      throw new IllegalArgumentException("token queue length " + queued + " for " + size
          + " ranks");
    }
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < queued; i++) {
      long rank = wire[size + 1 + i];
      if (rank < 0 || rank >= size || queue.contains((int) rank)) {
        throw new IllegalArgumentException("token queue holds bad or repeated rank " + rank);
      }
      queue.addLast((int) rank);
    }
    return new Token(Arrays.copyOf(wire, size), queue);
  }
}
