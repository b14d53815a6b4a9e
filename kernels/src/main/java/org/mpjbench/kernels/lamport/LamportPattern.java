package org.mpjbench.kernels.lamport;

import java.util.SplittableRandom;

/**
 * The seeded message pattern every rank computes alike: for each step, the local events each rank
 * does first, then one message from a sender to a different receiver (its id is the step). With
 * one rank the steps have local events only.
 */
public final class LamportPattern {
  private final int ranks;
  private final int[] senders;
  private final int[] receivers;
  private final int[] localEvents;

  private LamportPattern(int ranks, int[] senders, int[] receivers, int[] localEvents) {
    this.ranks = ranks;
    this.senders = senders;
    this.receivers = receivers;
    this.localEvents = localEvents;
  }

  /** Draws the pattern of {@code steps} steps on {@code ranks} ranks. */
  public static LamportPattern generate(long seed, int ranks, int steps, int localEventsMax) {
    if (ranks < 1 || steps < 0 || localEventsMax < 0) {
      throw new IllegalArgumentException(
          "bad pattern: " + ranks + " ranks, " + steps + " steps, " + localEventsMax);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] senders = new int[steps];
    int[] receivers = new int[steps];
    int[] locals = new int[steps * ranks];
    for (int step = 0; step < steps; step++) {
      for (int rank = 0; rank < ranks; rank++) {
        locals[step * ranks + rank] = localEventsMax == 0 ? 0 : random.nextInt(localEventsMax + 1);
      }
      if (ranks == 1) {
        senders[step] = -1;
        receivers[step] = -1;
      } else {
        senders[step] = random.nextInt(ranks);
        receivers[step] = (senders[step] + 1 + random.nextInt(ranks - 1)) % ranks;
      }
    }
    return new LamportPattern(ranks, senders, receivers, locals);
  }

  /** Steps in the pattern. */
  public int steps() {
    return senders.length;
  }

  /** Whether step {@code step} sends a message (not with one rank). */
  public boolean hasMessage(int step) {
    return senders[step] >= 0;
  }

  /** The sender of step {@code step}'s message, or -1. */
  public int sender(int step) {
    return senders[step];
  }

  /** The receiver of step {@code step}'s message, or -1. */
  public int receiver(int step) {
    return receivers[step];
  }

  /** Local events {@code rank} does at the start of {@code step}. */
  public int localEvents(int step, int rank) {
    return localEvents[step * ranks + rank];
  }

  /** Messages in the whole pattern. */
  public int messageCount() {
    int count = 0;
    for (int sender : senders) {
      count += sender >= 0 ? 1 : 0;
    }
    return count;
  }
}
