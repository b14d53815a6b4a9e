package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link FaultTolerantAverage#compute}: which offsets agree with the median, which are
 * excluded as faulty, and the average of the agreeing ones.
 *
 * <p>The tie rule under test, from the class javadoc: with an even number of offsets both middle
 * values are tried as the centre; the one whose group (offsets within the tolerance) is larger
 * wins; on equal sizes the group that contains index 0 (the master) wins; otherwise the lower
 * median wins.
 */
class FaultTolerantAverageTest {
  private static final long TOLERANCE_NANOS = 100_000;
  private static final long TEN_SECONDS_NANOS = 10_000_000_000L;

  @Test
  void singleRankAveragesTheMastersOwnZero() {
    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(new long[] {0}, TOLERANCE_NANOS);

    assertEquals(0, agreement.averageNanos());
    assertEquals(0, agreement.centreNanos());
    assertEquals(List.of(0), agreement.included());
    assertEquals(List.of(), agreement.excluded());
  }

  @Test
  void allAgreeingGivesTheirMeanAndExcludesNobody() {
    long[] offsetsNanos = {0, 3_000, -2_000, 5_000, 4_000};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(2_000, agreement.averageNanos()); // 10_000 / 5
    assertEquals(3_000, agreement.centreNanos()); // sorted: -2000 0 3000 4000 5000
    assertEquals(List.of(0, 1, 2, 3, 4), agreement.included());
    assertEquals(List.of(), agreement.excluded());
  }

  static Stream<Arguments> meansThatNeedRounding() {
    return Stream.of(
        Arguments.of(new long[] {0, 1, 1}, 1L), // 2/3 -> 1
        Arguments.of(new long[] {0, -1, -1}, -1L), // -2/3 -> -1
        Arguments.of(new long[] {0, 1, 0}, 0L), // 1/3 -> 0
        Arguments.of(new long[] {0, -1, 0}, 0L), // -1/3 -> 0
        Arguments.of(new long[] {0, 10, 10, 11}, 8L), // 31/4 = 7.75 -> 8
        Arguments.of(new long[] {0, -10, -10, -11}, -8L)); // -7.75 -> -8
  }

  @ParameterizedTest
  @MethodSource("meansThatNeedRounding")
  void averageIsTheMeanRoundedToTheNearestNanosecond(long[] offsetsNanos, long expectedNanos) {
    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(offsetsNanos.length, agreement.included().size());
    assertEquals(expectedNanos, agreement.averageNanos());
  }

  @Test
  void halfFaultyAheadIsExcludedBecauseTheMastersGroupWinsTheTie() {
    long[] offsetsNanos = {0, 3_000, TEN_SECONDS_NANOS, TEN_SECONDS_NANOS};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(List.of(0, 1), agreement.included());
    assertEquals(List.of(2, 3), agreement.excluded());
    assertEquals(3_000, agreement.centreNanos()); // the lower median
    assertEquals(1_500, agreement.averageNanos());
  }

  @Test
  void halfFaultyBehindIsExcludedBecauseTheMastersGroupWinsTheTie() {
    // Mirror case: the faulty clocks now hold the lower median, so only the rule "the group
    // holding index 0 wins a tie" keeps the master's cluster.
    long[] offsetsNanos = {0, 3_000, -TEN_SECONDS_NANOS, -TEN_SECONDS_NANOS};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(List.of(0, 1), agreement.included());
    assertEquals(List.of(2, 3), agreement.excluded());
    assertEquals(0, agreement.centreNanos()); // the upper median
    assertEquals(1_500, agreement.averageNanos());
  }

  @Test
  void minorityOfFaultyClocksIsExcluded() {
    long[] offsetsNanos = {0, 1_000, TEN_SECONDS_NANOS, -2_000, -TEN_SECONDS_NANOS};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(List.of(0, 1, 3), agreement.included());
    assertEquals(List.of(2, 4), agreement.excluded());
    assertEquals(0, agreement.centreNanos());
    assertEquals(-333, agreement.averageNanos()); // -1000 / 3 = -333.3
  }

  @Test
  void evenCountTieLargerGroupWinsEvenWithoutTheMaster() {
    // Sorted: -5000, 0, 5, 1000, 1005, 1010. Lower median 5 gathers {0, 5} (indices 0, 1);
    // upper median 1000 gathers {1000, 1005, 1010} (indices 3, 4, 5): the larger group wins.
    long[] offsetsNanos = {0, 5, -5_000, 1_000, 1_005, 1_010};

    FaultTolerantAverage.Agreement agreement = FaultTolerantAverage.compute(offsetsNanos, 10);

    assertEquals(1_000, agreement.centreNanos());
    assertEquals(List.of(3, 4, 5), agreement.included());
    assertEquals(List.of(0, 1, 2), agreement.excluded());
    assertEquals(1_005, agreement.averageNanos());
  }

  @Test
  void evenCountTieLargerGroupWinsForTheLowerMedianToo() {
    // Sorted: -1010, -1005, -1000, -5, 0, 5000. Lower median -1000 gathers three, upper median
    // -5 gathers {-5, 0} (holding the master): the larger group still wins.
    long[] offsetsNanos = {0, -5, 5_000, -1_000, -1_005, -1_010};

    FaultTolerantAverage.Agreement agreement = FaultTolerantAverage.compute(offsetsNanos, 10);

    assertEquals(-1_000, agreement.centreNanos());
    assertEquals(List.of(3, 4, 5), agreement.included());
    assertEquals(List.of(0, 1, 2), agreement.excluded());
    assertEquals(-1_005, agreement.averageNanos());
  }

  @Test
  void evenCountTieWithMasterInNeitherGroupTakesTheLowerMedian() {
    // Sorted: -1000 (master), 0, 10, 20, 30, 5000. Lower median 10 gathers {0, 10, 20}, upper
    // median 20 gathers {10, 20, 30}: same size, neither holds index 0, so the lower one wins.
    long[] offsetsNanos = {-1_000, 0, 10, 20, 30, 5_000};

    FaultTolerantAverage.Agreement agreement = FaultTolerantAverage.compute(offsetsNanos, 10);

    assertEquals(10, agreement.centreNanos());
    assertEquals(List.of(1, 2, 3), agreement.included());
    assertEquals(List.of(0, 4, 5), agreement.excluded());
    assertEquals(10, agreement.averageNanos());
  }

  @Test
  void evenCountTieWithMasterInBothGroupsTakesTheLowerMedian() {
    // Sorted: 0, 10 (master), 20, 30. Lower median 10 gathers {0, 10, 20}, upper median 20
    // gathers {10, 20, 30}: same size, both hold index 0, so the lower one wins.
    long[] offsetsNanos = {10, 0, 20, 30};

    FaultTolerantAverage.Agreement agreement = FaultTolerantAverage.compute(offsetsNanos, 10);

    assertEquals(10, agreement.centreNanos());
    assertEquals(List.of(0, 1, 2), agreement.included());
    assertEquals(List.of(3), agreement.excluded());
    assertEquals(10, agreement.averageNanos());
  }

  @Test
  void evenCountWithEqualMiddleValuesUsesThatValue() {
    long[] offsetsNanos = {0, 7, 7, 900};

    FaultTolerantAverage.Agreement agreement = FaultTolerantAverage.compute(offsetsNanos, 10);

    assertEquals(7, agreement.centreNanos());
    assertEquals(List.of(0, 1, 2), agreement.included());
    assertEquals(List.of(3), agreement.excluded());
    assertEquals(5, agreement.averageNanos()); // 14 / 3 = 4.67
  }

  @Test
  void emptyOffsetsAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FaultTolerantAverage.compute(new long[0], TOLERANCE_NANOS));

    assertTrue(e.getMessage().contains("no offsets"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, -100_000, Long.MIN_VALUE})
  void negativeToleranceIsRejected(long toleranceNanos) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FaultTolerantAverage.compute(new long[] {0, 1}, toleranceNanos));

    assertTrue(e.getMessage().contains("negative tolerance"), e.getMessage());
  }

  @Test
  void zeroToleranceKeepsOnlyOffsetsEqualToTheCentre() {
    long[] offsetsNanos = {0, 0, 1, -1, 0};

    FaultTolerantAverage.Agreement agreement = FaultTolerantAverage.compute(offsetsNanos, 0);

    assertEquals(0, agreement.centreNanos());
    assertEquals(List.of(0, 1, 4), agreement.included());
    assertEquals(List.of(2, 3), agreement.excluded());
    assertEquals(0, agreement.averageNanos());
  }

  @Test
  void offsetExactlyAtTheToleranceIsIncludedAndOneBeyondIsNot() {
    long[] offsetsNanos = {
      0, TOLERANCE_NANOS, -TOLERANCE_NANOS, TOLERANCE_NANOS + 1, -TOLERANCE_NANOS - 1
    };

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(0, agreement.centreNanos());
    assertEquals(List.of(0, 1, 2), agreement.included());
    assertEquals(List.of(3, 4), agreement.excluded());
    assertEquals(0, agreement.averageNanos());
  }

  @Test
  void extremeOffsetsOnBothSidesDoNotOverflowIntoTheAgreeingSet() {
    // Long.MAX_VALUE - Long.MIN_VALUE overflows; a naive |a - b| <= t would be fooled.
    long[] offsetsNanos = {0, Long.MAX_VALUE, Long.MIN_VALUE + 1, 7};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(List.of(0, 3), agreement.included());
    assertEquals(List.of(1, 2), agreement.excluded());
    assertEquals(4, agreement.averageNanos()); // 3.5 -> 4
  }

  @Test
  void clusterNearLongMaxValueExcludesAClockNearLongMinValue() {
    long[] offsetsNanos = {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(Long.MAX_VALUE - 1, agreement.centreNanos());
    assertEquals(List.of(0, 1), agreement.included());
    assertEquals(List.of(2), agreement.excluded());
  }

  @Test
  void clusterNearLongMinValueExcludesAClockNearLongMaxValue() {
    long[] offsetsNanos = {Long.MIN_VALUE, Long.MIN_VALUE + 2, Long.MAX_VALUE};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(Long.MIN_VALUE + 2, agreement.centreNanos());
    assertEquals(List.of(0, 1), agreement.included());
    assertEquals(List.of(2), agreement.excluded());
  }

  @Test
  void hugeToleranceStillIncludesOffsetsWhoseDifferenceFitsInALong() {
    long[] offsetsNanos = {0, Long.MAX_VALUE, 1};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, Long.MAX_VALUE);

    assertEquals(1, agreement.centreNanos());
    assertEquals(List.of(0, 1, 2), agreement.included());
    assertEquals(List.of(), agreement.excluded());
  }

  /**
   * Exposes a bug: when an offset minus the centre is exactly {@code Long.MIN_VALUE} (a true
   * distance of 2^63 ns, beyond any tolerance), no overflow happens, but {@code Math.abs} of it is
   * still {@code Long.MIN_VALUE}, which is negative and so "within" every tolerance.
   */
  @Test
  void offsetExactlyLongMinValueAwayFromTheCentreIsExcluded() {
    long[] offsetsNanos = {0, Long.MIN_VALUE, 6};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(0, agreement.centreNanos());
    assertEquals(List.of(0, 2), agreement.included());
    assertEquals(List.of(1), agreement.excluded());
    assertEquals(3, agreement.averageNanos());
  }

  /** Same bug as above, with the centre at {@code Long.MAX_VALUE} and the outlier at -1. */
  @Test
  void offsetMinusOneIsExcludedFromACentreAtLongMaxValue() {
    long[] offsetsNanos = {Long.MAX_VALUE, -1, Long.MAX_VALUE};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(Long.MAX_VALUE, agreement.centreNanos());
    assertEquals(List.of(0, 2), agreement.included());
    assertEquals(List.of(1), agreement.excluded());
    assertEquals(Long.MAX_VALUE, agreement.averageNanos());
  }

  /**
   * Exposes a precision bug: the sum is accumulated in a {@code double}, which holds integers
   * exactly only up to 2^53 ns (about 104 days, less than the one-year faulty offset the parameters
   * allow), so the mean of large offsets is not rounded to the nearest nanosecond.
   */
  @Test
  void averageOfLargeOffsetsIsExactToTheNanosecond() {
    long largeNanos = (1L << 54) + 1; // about 208 days
    long[] offsetsNanos = {0, largeNanos, largeNanos, largeNanos};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(List.of(1, 2, 3), agreement.included());
    assertEquals(largeNanos, agreement.averageNanos());
  }

  /** Same precision bug at the very top of the range: the mean is clamped to Long.MAX_VALUE. */
  @Test
  void averageNearLongMaxValueIsExact() {
    long nearMaxNanos = Long.MAX_VALUE - 10;
    long[] offsetsNanos = {0, nearMaxNanos, nearMaxNanos, nearMaxNanos};

    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(offsetsNanos, TOLERANCE_NANOS);

    assertEquals(List.of(1, 2, 3), agreement.included());
    assertEquals(nearMaxNanos, agreement.averageNanos());
  }

  /** The long-arithmetic rounding the average uses is BigDecimal's HALF_EVEN, halves and signs. */
  @Test
  void halfEvenRoundsAsBigDecimalDoes() {
    java.util.Random random = new java.util.Random(14);
    List<long[]> cases = new java.util.ArrayList<>(List.of(
        new long[] {5, 2}, new long[] {-5, 2}, new long[] {7, 2}, new long[] {-7, 2},
        new long[] {8, 3}, new long[] {-8, 3}, new long[] {7, 3}, new long[] {0, 5},
        new long[] {Long.MAX_VALUE, 2}, new long[] {Long.MIN_VALUE, 2},
        new long[] {Long.MIN_VALUE, 3}, new long[] {Long.MAX_VALUE, 1},
        new long[] {Long.MAX_VALUE, Integer.MAX_VALUE}, new long[] {-3, Integer.MAX_VALUE}));
    for (int i = 0; i < 10_000; i++) {
      cases.add(new long[] {random.nextLong() >> random.nextInt(64), 1 + random.nextInt(70)});
    }
    for (long[] c : cases) {
      long expected = new java.math.BigDecimal(c[0]).divide(java.math.BigDecimal.valueOf(c[1]),
          0, java.math.RoundingMode.HALF_EVEN).longValueExact();
      assertEquals(expected, FaultTolerantAverage.halfEven(c[0], (int) c[1]),
          c[0] + " / " + c[1]);
    }
    assertThrows(IllegalArgumentException.class, () -> FaultTolerantAverage.halfEven(1, 0));
  }

  /** Offsets whose sum leaves a long are still averaged exactly (the BigInteger path). */
  @Test
  void offsetsWhoseSumOverflowsALongAreAveragedExactly() {
    long big = Long.MAX_VALUE - 10;
    FaultTolerantAverage.Agreement agreement =
        FaultTolerantAverage.compute(new long[] {big, big - 2, big - 4}, 100);
    assertEquals(big - 2, agreement.averageNanos());
    assertEquals(List.of(0, 1, 2), agreement.included());
  }
}
