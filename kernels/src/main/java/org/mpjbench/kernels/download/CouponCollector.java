package org.mpjbench.kernels.download;

import java.util.BitSet;

/**
 * The coupon collector's figures that judge a download: with lines drawn uniformly at random,
 * collecting all N takes N·H(N) draws in expectation, so K ranks at R requests per second each
 * cannot expect to finish before N·H(N)/(K·R) seconds. Everything above that is overhead.
 */
public final class CouponCollector {
  private CouponCollector() {}

  /** The N-th harmonic number, 1 + 1/2 + ... + 1/N. */
  public static double harmonic(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("harmonic number of " + n);
    }
    double sum = 0;
    for (int k = n; k >= 1; k--) { // smallest terms first: less rounding error
      sum += 1.0 / k;
    }
    return sum;
  }

  /** Expected draws to collect all {@code lineCount} lines: N·H(N). */
  public static double expectedDraws(int lineCount) {
    return lineCount * harmonic(lineCount);
  }

  /** The expected time N·H(N)/(K·R) for {@code ranks} ranks at {@code ratePerSecond} each. */
  public static double boundSeconds(int lineCount, int ranks, double ratePerSecond) {
    return expectedDraws(lineCount) / (ranks * ratePerSecond);
  }

  /**
   * How many of the draws, taken in order, it took to hold every line: the 1-based position of
   * the draw that completed the set, or -1 if the draws never complete it.
   *
   * @param lineNumbers the drawn line numbers in the order they were received
   */
  public static int drawsToComplete(int[] lineNumbers, int lineCount) {
    BitSet held = new BitSet(lineCount);
    int distinct = 0;
    for (int i = 0; i < lineNumbers.length; i++) {
      int line = lineNumbers[i];
      if (line < 0 || line >= lineCount) {
        throw new IllegalArgumentException("line " + line + " outside 0.." + (lineCount - 1));
      }
      if (!held.get(line)) {
        held.set(line);
        if (++distinct == lineCount) {
          return i + 1;
        }
      }
    }
    return -1;
  }
}
