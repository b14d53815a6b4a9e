package org.mpjbench.kernels.multicast;

import java.util.Arrays;

/**
 * The reliable mode's repair logic, pure: members report what they miss as bitmaps of sequence
 * numbers (one bit per message, {@code long} words, so that a fixed-size MPI Gather carries them);
 * rank 0 repeats the union by multicast, since a datagram lost by one member is often lost by
 * others too and one multicast serves them all, and after the last multicast round sends each
 * member what it still misses by MPI, which is reliable, so that the mode always ends exactly once.
 */
public final class RepairPlan {
  private RepairPlan() {}

  /** Words of a bitmap of {@code messages} bits. */
  public static int words(int messages) {
    return (messages + 63) >>> 6;
  }

  /**
   * The union of the members' bitmaps: {@code gathered} holds {@code members} bitmaps of
   * {@code words} words one after the other (rank 0's, all zero, included).
   */
  public static long[] union(long[] gathered, int words, int members) {
    if (gathered.length != words * members) {
      throw new IllegalArgumentException("expected " + words * members + " words, got "
          + gathered.length);
    }
    long[] union = new long[words];
    for (int member = 0; member < members; member++) {
      for (int w = 0; w < words; w++) {
        union[w] |= gathered[member * words + w];
      }
    }
    return union;
  }

  /** The bitmap of member {@code member} in {@code gathered}. */
  public static long[] of(long[] gathered, int words, int member) {
    return Arrays.copyOfRange(gathered, member * words, (member + 1) * words);
  }

  /** The sequence numbers set in {@code bitmap}, in increasing order, below {@code messages}. */
  public static int[] ids(long[] bitmap, int messages) {
    int count = count(bitmap);
    int[] ids = new int[count];
    int next = 0;
    for (int i = 0; i < messages && next < count; i++) {
      if ((bitmap[i >>> 6] & (1L << (i & 63))) != 0) {
        ids[next++] = i;
      }
    }
    return ids;
  }

  /** Bits set in {@code bitmap}. */
  public static int count(long[] bitmap) {
    int count = 0;
    for (long word : bitmap) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /**
   * Whether repair round {@code round} (from 0) repeats by multicast; after {@code multicastRounds}
   * such rounds the rest goes by MPI to each member.
   */
  public static boolean byMulticast(int round, int multicastRounds) {
    return round < multicastRounds;
  }
}
