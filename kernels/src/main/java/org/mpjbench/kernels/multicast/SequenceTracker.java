package org.mpjbench.kernels.multicast;

/**
 * What one member saw of a run's sequence numbers {@code 0..messages-1}, as UDP delivered them:
 * the first copy of each number is new (delivered), a later copy is a duplicate, a new number lower
 * than the highest seen before it arrived out of order (a reorder); what never came is lost. Pure
 * bookkeeping, fed one arrival at a time, so that it can be tested without a network.
 */
public final class SequenceTracker {
  /** What one arrival was. */
  public enum Arrival {
    /** The first copy of a valid sequence number, in order. */
    NEW,
    /** The first copy of a valid number lower than one already seen. */
    REORDERED,
    /** Another copy of a number already seen. */
    DUPLICATE,
    /** A number outside {@code 0..messages-1}: never delivered. */
    INVALID
  }

  private final boolean[] seen;
  private int distinct;
  private long duplicates;
  private long reordered;
  private long invalid;
  private long highest = -1;

  /** A tracker of {@code messages} sequence numbers, none seen yet. */
  public SequenceTracker(int messages) {
    if (messages < 1) {
      throw new IllegalArgumentException("messages must be at least 1, got " + messages);
    }
    seen = new boolean[messages];
  }

  /** Records the arrival of {@code sequence} and says what it was. */
  public Arrival arrive(long sequence) {
    if (sequence < 0 || sequence >= seen.length) {
      invalid++;
      return Arrival.INVALID;
    }
    int index = (int) sequence;
    if (seen[index]) {
      duplicates++;
      return Arrival.DUPLICATE;
    }
    seen[index] = true;
    distinct++;
    if (sequence < highest) {
      reordered++;
      return Arrival.REORDERED;
    }
    highest = sequence;
    return Arrival.NEW;
  }

  /** Whether {@code sequence} (valid) was seen. */
  public boolean has(int sequence) {
    return seen[sequence];
  }

  /** The number of sequence numbers tracked. */
  public int messages() {
    return seen.length;
  }

  /** Distinct valid sequence numbers seen. */
  public int distinct() {
    return distinct;
  }

  /** Sequence numbers never seen. */
  public int lost() {
    return seen.length - distinct;
  }

  /** Copies of numbers already seen. */
  public long duplicates() {
    return duplicates;
  }

  /** First copies that came after a higher number. */
  public long reordered() {
    return reordered;
  }

  /** Arrivals with a number outside the run's range. */
  public long invalid() {
    return invalid;
  }

  /** True when every number was seen. */
  public boolean complete() {
    return distinct == seen.length;
  }

  /** The numbers never seen, as a bitmap of {@link RepairPlan#words(int)} words. */
  public long[] missingBitmap() {
    long[] bitmap = new long[RepairPlan.words(seen.length)];
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        bitmap[i >>> 6] |= 1L << (i & 63);
      }
    }
    return bitmap;
  }
}
