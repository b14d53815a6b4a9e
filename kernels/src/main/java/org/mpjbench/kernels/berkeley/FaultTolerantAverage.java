package org.mpjbench.kernels.berkeley;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Berkeley master's fault-tolerant average: only the offsets within a tolerance of the median
 * take part, so one broken clock cannot drag the others.
 *
 * <p>The median of an even number of offsets is ambiguous, and taking the mean of the two middle
 * values can land between two clusters and agree with nobody. So both middle values are tried as
 * the centre and the one that gathers more clocks wins; on a tie, the one whose group holds the
 * master's own clock (index 0, the reference of all offsets); then the lower one. The centre is
 * always one of the offsets, so the agreeing set is never empty.
 */
public final class FaultTolerantAverage {
  private FaultTolerantAverage() {}

  /**
   * The outcome of one averaging.
   *
   * @param averageNanos the mean of the agreeing offsets, rounded to the nearest nanosecond
   * @param centreNanos the median value the tolerance was measured from
   * @param included the indices whose offsets took part, ascending
   * @param excluded the indices left out as faulty, ascending
   */
  public record Agreement(
      long averageNanos, long centreNanos, List<Integer> included, List<Integer> excluded) {}

  /**
   * Averages the offsets (index = rank; the master's own offset, zero, at index 0) that lie within
   * {@code toleranceNanos} of the median.
   */
  public static Agreement compute(long[] offsetsNanos, long toleranceNanos) {
    if (offsetsNanos.length == 0) {
      throw new IllegalArgumentException("no offsets to average");
    }
    if (toleranceNanos < 0) {
      throw new IllegalArgumentException("negative tolerance: " + toleranceNanos + " ns");
    }
    long[] sorted = offsetsNanos.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    long lowerMedian = sorted[(n - 1) / 2];
    long upperMedian = sorted[n / 2];
    List<Integer> lower = within(offsetsNanos, lowerMedian, toleranceNanos);
    long centre = lowerMedian;
    List<Integer> chosen = lower;
    if (upperMedian != lowerMedian) {
      List<Integer> upper = within(offsetsNanos, upperMedian, toleranceNanos);
      boolean upperWins =
          upper.size() > lower.size()
              || (upper.size() == lower.size() && upper.contains(0) && !lower.contains(0));
      if (upperWins) {
        centre = upperMedian;
        chosen = upper;
      }
    }
    // Summed exactly: offsets of a faulty clock may be months, beyond what a double holds to 1 ns.
    // In longs while they fit (every round but a wild one): the master does this inside the timed
    // round, interpreted, where each BigInteger step costs microseconds.
    boolean[] included = new boolean[n];
    long longSum = 0;
    boolean fits = true;
    for (int index : chosen) {
      included[index] = true;
      if (fits) {
        try {
          longSum = Math.addExact(longSum, offsetsNanos[index]);
        } catch (ArithmeticException overflow) {
          fits = false;
        }
      }
    }
    long average;
    if (fits) {
      average = halfEven(longSum, chosen.size());
    } else {
      BigInteger sum = BigInteger.ZERO;
      for (int index : chosen) {
        sum = sum.add(BigInteger.valueOf(offsetsNanos[index]));
      }
      average = new BigDecimal(sum)
          .divide(BigDecimal.valueOf(chosen.size()), 0, RoundingMode.HALF_EVEN)
          .longValueExact();
    }
    List<Integer> excluded = new ArrayList<>();
    for (int index = 0; index < n; index++) {
      if (!included[index]) {
        excluded.add(index);
      }
    }
    return new Agreement(average, centre, chosen, List.copyOf(excluded));
  }

  /**
   * {@code sum / count} rounded to the nearest long, a half to the even neighbour: what {@code
   * BigDecimal}'s {@code HALF_EVEN} gives, in long arithmetic.
   */
  static long halfEven(long sum, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    long quotient = sum / count; // toward zero
    long twiceRemainder = Math.abs(sum % count) * 2; // below 2^32: no overflow
    if (twiceRemainder > count || (twiceRemainder == count && (quotient & 1) != 0)) {
      quotient += Long.signum(sum); // away from zero
    }
    return quotient;
  }

  private static List<Integer> within(long[] offsets, long centre, long tolerance) {
    List<Integer> agreeing = new ArrayList<>();
    for (int index = 0; index < offsets.length; index++) {
      // |a - b| <= t, where a difference that does not fit in a long is simply too far.
      long difference;
      try {
        difference = Math.subtractExact(offsets[index], centre);
      } catch (ArithmeticException tooFar) {
        continue;
      }
      if (difference != Long.MIN_VALUE && Math.abs(difference) <= tolerance) {
        agreeing.add(index);
      }
    }
    return List.copyOf(agreeing);
  }
}
