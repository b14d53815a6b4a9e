package org.mpjbench.kernels.multicast;

import java.util.SplittableRandom;

/**
 * Which rank sends which message under total order: message ids {@code 0..messages-1} are dealt
 * to the ranks as evenly as possible ({@code messages / ranks}, the first {@code messages % ranks}
 * ranks one more) and the ownership is shuffled with the seed, so the senders' messages
 * interleave. Without total order rank 0 owns everything.
 */
public final class MulticastSchedule {
  private MulticastSchedule() {}

  /** The sending rank of every message id. */
  public static int[] origins(int messages, int ranks, boolean sequenced, long seed) {
    int[] origins = new int[messages];
    if (!sequenced) {
      return origins;
    }
    for (int id = 0; id < messages; id++) {
      origins[id] = id % ranks;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = messages - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = origins[i];
      origins[i] = origins[j];
      origins[j] = t;
    }
    return origins;
  }

  /** The ids {@code rank} sends, in increasing order. */
  public static int[] idsOf(int[] origins, int rank) {
    int count = 0;
    for (int origin : origins) {
      if (origin == rank) {
        count++;
      }
    }
    int[] ids = new int[count];
    int next = 0;
    for (int id = 0; id < origins.length; id++) {
      if (origins[id] == rank) {
        ids[next++] = id;
      }
    }
    return ids;
  }
}
