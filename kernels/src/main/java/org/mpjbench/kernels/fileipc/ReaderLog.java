package org.mpjbench.kernels.fileipc;

/**
 * What one reader of a file made of the records it read, in order: which came in sequence, which
 * were duplicates or came back from before, which skipped ahead, which were corrupt. A pure
 * accumulator, so that {@link FileIpcCheck} can be fed bad sequences in tests. It travels to rank
 * 0 as {@link #LONGS} longs.
 */
public final class ReaderLog {
  /** Longs of a log in the gather. */
  public static final int LONGS = 6;

  private long received;
  private long inOrder;
  private long duplicates;
  private long skipped;
  private long corrupt;
  /** Index (in reading order) of the first record out of place or corrupt; -1 for none. */
  private long firstProblem = -1;

  /** Takes the next record read. */
  public void accept(RecordCodec.Decoded record) {
    long index = received++;
    if (!record.intact()) {
      corrupt++;
    } else if (record.sequence() == inOrder) {
      inOrder++;
      return;
    } else if (record.sequence() < inOrder) {
      duplicates++;
    } else {
      skipped += record.sequence() - inOrder;
      inOrder = record.sequence() + 1;
    }
    if (firstProblem < 0) {
      firstProblem = index;
    }
  }

  /** Records read. */
  public long received() {
    return received;
  }

  /** Writes the log at {@code offset} of {@code into}. */
  public void writeTo(long[] into, int offset) {
    into[offset] = received;
    into[offset + 1] = inOrder;
    into[offset + 2] = duplicates;
    into[offset + 3] = skipped;
    into[offset + 4] = corrupt;
    into[offset + 5] = firstProblem;
  }

  /**
   * A log as rank 0 reads it from the gather.
   *
   * @param rank the reader
   * @param file which file it read: "records" or "answers"
   * @param received records read
   * @param inOrder how far the sequence went without a gap (the next sequence number expected)
   * @param duplicates records read again, or from before the one expected
   * @param skipped sequence numbers jumped over
   * @param corrupt records whose checksum did not match
   * @param firstProblem index of the first record out of place or corrupt; -1 for none
   */
  public record Counts(int rank, String file, long received, long inOrder, long duplicates,
      long skipped, long corrupt, long firstProblem) {
    /** The counts at {@code offset} of a gathered array. */
    public static Counts read(int rank, String file, long[] from, int offset) {
      return new Counts(rank, file, from[offset], from[offset + 1], from[offset + 2],
          from[offset + 3], from[offset + 4], from[offset + 5]);
    }
  }
}
