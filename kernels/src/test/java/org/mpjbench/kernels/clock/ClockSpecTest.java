package org.mpjbench.kernels.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link ClockSpec#draw}: the clock population is a pure function of the seed, offsets and
 * drifts stay in their documented ranges, and faulty ranks carry the extra offset.
 */
class ClockSpecTest {
  private static final int RANKS = 64;
  private static final long SPREAD_NANOS = 50_000_000;
  private static final double MAX_DRIFT_PPM = 20.0;

  @Test
  void sameSeedGivesTheSameClocks() {
    List<ClockSpec> first =
        ClockSpec.draw(42, RANKS, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(3), 1_000);
    List<ClockSpec> second =
        ClockSpec.draw(42, RANKS, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(3), 1_000);

    assertEquals(first, second);
    assertEquals(RANKS, first.size());
  }

  @Test
  void differentSeedsGiveDifferentClocks() {
    List<ClockSpec> first = ClockSpec.draw(1, RANKS, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);
    List<ClockSpec> second = ClockSpec.draw(2, RANKS, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);

    assertNotEquals(first, second);
  }

  @Test
  void aRanksClockDoesNotDependOnHowManyRanksThereAre() {
    // Every rank draws the whole population and picks its own entry; a prefix must be stable.
    List<ClockSpec> small = ClockSpec.draw(7, 4, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);
    List<ClockSpec> large = ClockSpec.draw(7, RANKS, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);

    assertEquals(small, large.subList(0, 4));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {0, 1, 2, 42, -1, Long.MAX_VALUE, Long.MIN_VALUE})
  void offsetsAndDriftsStayWithinTheirRanges(long seed) {
    List<ClockSpec> clocks = ClockSpec.draw(seed, RANKS, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);

    long minOffsetNanos = Long.MAX_VALUE;
    long maxOffsetNanos = Long.MIN_VALUE;
    for (ClockSpec clock : clocks) {
      long offsetNanos = clock.initialOffsetNanos();
      assertTrue(
          offsetNanos >= -SPREAD_NANOS / 2 && offsetNanos <= SPREAD_NANOS / 2, clock.toString());
      assertTrue(Math.abs(clock.driftPpm()) <= MAX_DRIFT_PPM, clock.toString());
      assertFalse(clock.faulty(), clock.toString());
      minOffsetNanos = Math.min(minOffsetNanos, offsetNanos);
      maxOffsetNanos = Math.max(maxOffsetNanos, offsetNanos);
    }
    assertTrue(maxOffsetNanos - minOffsetNanos <= SPREAD_NANOS);
  }

  @Test
  void offsetsAndDriftsAreActuallySpreadOut() {
    List<ClockSpec> clocks = ClockSpec.draw(9, RANKS, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);

    assertTrue(clocks.stream().anyMatch(c -> c.initialOffsetNanos() < -SPREAD_NANOS / 4));
    assertTrue(clocks.stream().anyMatch(c -> c.initialOffsetNanos() > SPREAD_NANOS / 4));
    assertTrue(clocks.stream().anyMatch(c -> c.driftPpm() < -MAX_DRIFT_PPM / 2));
    assertTrue(clocks.stream().anyMatch(c -> c.driftPpm() > MAX_DRIFT_PPM / 2));
  }

  /**
   * Exposes a small bug: for an odd spread the offsets are drawn from {@code [-floor(s/2),
   * ceil(s/2)]}, so an offset can be half a nanosecond beyond the documented {@code +spread/2}
   * (with spread 1, offsets 0 and 1 come out, and 1 is outside [-0.5, 0.5]).
   */
  @ParameterizedTest(name = "spread {0} ns")
  @ValueSource(longs = {1, 3})
  void offsetsOfAnOddSpreadStayWithinHalfTheSpread(long spreadNanos) {
    List<ClockSpec> clocks = ClockSpec.draw(5, RANKS, spreadNanos, 0, Set.of(), 0);

    for (ClockSpec clock : clocks) {
      // |offset| <= spread / 2, compared without integer truncation.
      assertTrue(
          2 * Math.abs(clock.initialOffsetNanos()) <= spreadNanos,
          "offset " + clock.initialOffsetNanos() + " ns is beyond half the spread " + spreadNanos);
    }
  }

  @ParameterizedTest(name = "spread {0} ns")
  @ValueSource(longs = {1, 3, 1_000_001})
  void initialSkewOfAnOddSpreadIsAtMostTheSpread(long spreadNanos) {
    List<ClockSpec> clocks = ClockSpec.draw(5, RANKS, spreadNanos, 0, Set.of(), 0);

    long min = clocks.stream().mapToLong(ClockSpec::initialOffsetNanos).min().orElseThrow();
    long max = clocks.stream().mapToLong(ClockSpec::initialOffsetNanos).max().orElseThrow();
    assertTrue(max - min <= spreadNanos);
  }

  @Test
  void faultyRanksGetTheExtraOffsetOnTopOfTheirDrawnOffset() {
    long faultyOffsetNanos = 10_000_000_000L;
    List<ClockSpec> healthy = ClockSpec.draw(11, 8, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);
    List<ClockSpec> withFaulty =
        ClockSpec.draw(11, 8, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(2, 5), faultyOffsetNanos);

    for (int rank = 0; rank < 8; rank++) {
      ClockSpec base = healthy.get(rank);
      ClockSpec clock = withFaulty.get(rank);
      boolean shouldBeFaulty = rank == 2 || rank == 5;
      assertEquals(shouldBeFaulty, clock.faulty(), "rank " + rank);
      long expectedOffsetNanos =
          base.initialOffsetNanos() + (shouldBeFaulty ? faultyOffsetNanos : 0);
      assertEquals(expectedOffsetNanos, clock.initialOffsetNanos(), "rank " + rank);
      assertEquals(base.driftPpm(), clock.driftPpm(), "rank " + rank);
    }
  }

  @Test
  void negativeFaultyOffsetIsAppliedToo() {
    List<ClockSpec> clocks = ClockSpec.draw(3, 2, 0, 0, Set.of(1), -5_000);

    assertEquals(new ClockSpec(0, 0.0, false), clocks.get(0));
    assertEquals(new ClockSpec(-5_000, 0.0, true), clocks.get(1));
  }

  @Test
  void faultyRanksBeyondTheRankCountAreIgnored() {
    List<ClockSpec> clocks = ClockSpec.draw(3, 2, 0, 0, Set.of(7), 5_000);

    assertTrue(clocks.stream().noneMatch(ClockSpec::faulty));
  }

  @Test
  void zeroSpreadGivesZeroOffsets() {
    List<ClockSpec> clocks = ClockSpec.draw(99, RANKS, 0, MAX_DRIFT_PPM, Set.of(), 0);

    assertTrue(clocks.stream().allMatch(c -> c.initialOffsetNanos() == 0), clocks.toString());
  }

  @Test
  void zeroDriftGivesZeroDrifts() {
    List<ClockSpec> clocks = ClockSpec.draw(99, RANKS, SPREAD_NANOS, 0, Set.of(), 0);

    assertTrue(clocks.stream().allMatch(c -> c.driftPpm() == 0.0), clocks.toString());
  }

  @Test
  void singleRankIsAllowed() {
    assertEquals(1, ClockSpec.draw(1, 1, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0).size());
  }

  @ParameterizedTest(name = "ranks {0}")
  @ValueSource(ints = {0, -1})
  void fewerThanOneRankIsRejected(int ranks) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClockSpec.draw(1, ranks, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0));

    assertTrue(e.getMessage().contains("at least one rank"), e.getMessage());
  }

  @Test
  void negativeSpreadIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ClockSpec.draw(1, RANKS, -1, MAX_DRIFT_PPM, Set.of(), 0));
  }

  @Test
  void negativeDriftIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ClockSpec.draw(1, RANKS, SPREAD_NANOS, -0.1, Set.of(), 0));
  }

  @Test
  void drawnListIsImmutable() {
    List<ClockSpec> clocks = ClockSpec.draw(1, 2, SPREAD_NANOS, MAX_DRIFT_PPM, Set.of(), 0);

    assertThrows(UnsupportedOperationException.class, () -> clocks.add(new ClockSpec(0, 0, false)));
  }
}
