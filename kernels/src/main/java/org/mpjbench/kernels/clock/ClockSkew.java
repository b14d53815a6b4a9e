package org.mpjbench.kernels.clock;

/** Pure measures over the true errors of a set of clocks. */
public final class ClockSkew {
  private ClockSkew() {}

  /**
   * The largest difference between the errors of two clocks that are not faulty: how far apart the
   * healthy clocks are. Zero when fewer than two healthy clocks remain.
   *
   * @param errorsNanos each clock's true error, indexed by rank
   * @param faulty which ranks to leave out, same indexing (may be shorter: missing means healthy)
   */
  public static long skewNanos(long[] errorsNanos, boolean[] faulty) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int rank = 0; rank < errorsNanos.length; rank++) {
      if (rank < faulty.length && faulty[rank]) {
        continue;
      }
      min = Math.min(min, errorsNanos[rank]);
      max = Math.max(max, errorsNanos[rank]);
    }
    return max < min ? 0 : max - min;
  }
}
