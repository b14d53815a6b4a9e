package org.mpjbench.kernels.ring;

import java.util.Arrays;

/**
 * The ELECTION message's fixed layout: {@code long[K + 1] = [count, id1, ..., idK]}, the ids of the
 * live ranks it has visited in order (the first is the initiator). Pure, so it is tested alone.
 */
public final class ElectionList {
  private ElectionList() {}

  /** The message length for {@code ranks} ranks. */
  public static int length(int ranks) {
    return ranks + 1;
  }

  /** A message holding only the initiator. */
  public static long[] start(int ranks, int initiator) {
    long[] message = new long[length(ranks)];
    return append(message, initiator);
  }

  /** Appends {@code id} in place and returns the message; fails when it is full or malformed. */
  public static long[] append(long[] message, int id) {
    long count = message[0];
    if (count < 0 || count >= message.length - 1) {
      throw new IllegalStateException("ELECTION message full or malformed: count " + count
          + " in a message of " + (message.length - 1) + " ids");
    }
    message[(int) count + 1] = id;
    message[0] = count + 1;
    return message;
  }

  /** The ids collected so far. */
  public static long[] ids(long[] message) {
    long count = message[0];
    if (count < 1 || count > message.length - 1) {
      throw new IllegalStateException("ELECTION message malformed: count " + count);
    }
    return Arrays.copyOfRange(message, 1, (int) count + 1);
  }

  /** The rank that started the election (the first id). */
  public static int initiator(long[] message) {
    return (int) ids(message)[0];
  }

  /** The highest id collected: the coordinator. */
  public static int highest(long[] message) {
    return (int) Arrays.stream(ids(message)).max().orElseThrow();
  }
}
