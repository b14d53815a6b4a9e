package org.mpjbench.kernels.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link SimulatedClock} against a fake host clock (an {@link AtomicLong} the test moves
 * by hand): initial offset, drift, corrections, and a faulty clock ignoring them.
 */
class SimulatedClockTest {
  private static final long ONE_SECOND_NANOS = 1_000_000_000L;
  private static final long HOST_START_NANOS = 5_000_000_000_000L;

  private final AtomicLong hostNanos = new AtomicLong();

  @BeforeEach
  void resetHostClock() {
    hostNanos.set(HOST_START_NANOS);
  }

  private SimulatedClock clock(long initialOffsetNanos, double driftPpm, boolean faulty) {
    return new SimulatedClock(new ClockSpec(initialOffsetNanos, driftPpm, faulty), hostNanos::get);
  }

  @Test
  void errorStartsAtTheInitialOffset() {
    SimulatedClock clock = clock(12_345, 100.0, false);

    assertEquals(12_345, clock.trueErrorNanos());
    assertEquals(HOST_START_NANOS + 12_345, clock.nowNanos());
  }

  @Test
  void hundredPpmDriftOverOneSecondAddsHundredMicroseconds() {
    SimulatedClock clock = clock(0, 100.0, false);

    hostNanos.addAndGet(ONE_SECOND_NANOS);

    assertEquals(100_000, clock.trueErrorNanos());
  }

  @ParameterizedTest(name = "offset {0} ns, drift {1} ppm, {2} ns elapsed")
  @CsvSource({
    "0, 100.0, 1000000000, 100000",
    "500, 100.0, 1000000000, 100500",
    "0, -100.0, 1000000000, -100000",
    "-2000, 20.0, 10000000000, 198000",
    "0, 1.0, 1000, 0",
    "0, 1.0, 499999, 0",
    "0, 1.0, 500001, 1",
    "7, 0.0, 3600000000000, 7",
  })
  void errorGrowsWithDriftFromTheInitialOffset(
      long initialOffsetNanos, double driftPpm, long elapsedNanos, long expectedErrorNanos) {
    SimulatedClock clock = clock(initialOffsetNanos, driftPpm, false);

    hostNanos.addAndGet(elapsedNanos);

    assertEquals(expectedErrorNanos, clock.trueErrorNanos());
    assertEquals(hostNanos.get() + expectedErrorNanos, clock.nowNanos());
  }

  @Test
  void driftIsMeasuredFromCreationNotFromHostZero() {
    // The host clock is far from zero at creation: only the time since matters.
    SimulatedClock clock = clock(0, 1_000.0, false);

    assertEquals(0, clock.trueErrorNanos());
    hostNanos.addAndGet(1_000_000);
    assertEquals(1_000, clock.trueErrorNanos());
  }

  @Test
  void nowNanosIsHostPlusError() {
    SimulatedClock clock = clock(-40_000, 50.0, false);

    for (int step = 0; step < 5; step++) {
      hostNanos.addAndGet(ONE_SECOND_NANOS);
      assertEquals(hostNanos.get() + clock.trueErrorNanos(), clock.nowNanos());
    }
    assertEquals(-40_000 + 250_000, clock.trueErrorNanos());
  }

  @Test
  void adjustStepsTheOffsetAndDriftContinues() {
    SimulatedClock clock = clock(30_000, 100.0, false);
    hostNanos.addAndGet(ONE_SECOND_NANOS);
    assertEquals(130_000, clock.trueErrorNanos());

    clock.adjust(-130_000);

    assertEquals(0, clock.trueErrorNanos());
    assertEquals(hostNanos.get(), clock.nowNanos());
    hostNanos.addAndGet(ONE_SECOND_NANOS);
    assertEquals(100_000, clock.trueErrorNanos());
  }

  @Test
  void adjustmentsAccumulate() {
    SimulatedClock clock = clock(1_000, 0.0, false);

    clock.adjust(500);
    clock.adjust(-2_000);
    clock.adjust(0);

    assertEquals(-500, clock.trueErrorNanos());
  }

  @Test
  void faultyClockIgnoresAdjust() {
    SimulatedClock clock = clock(10_000_000_000L, 100.0, true);

    clock.adjust(-10_000_000_000L);

    assertTrue(clock.isFaulty());
    assertEquals(10_000_000_000L, clock.trueErrorNanos());
    hostNanos.addAndGet(ONE_SECOND_NANOS);
    assertEquals(10_000_100_000L, clock.trueErrorNanos());
  }

  @Test
  void healthyClockIsNotFaulty() {
    assertFalse(clock(0, 0.0, false).isFaulty());
  }

  @Test
  void adjustRateCancelsTheDriftFromNowOnAndKeepsWhatWasGained() {
    SimulatedClock clock = clock(0, 100.0, false);
    hostNanos.addAndGet(ONE_SECOND_NANOS);
    assertEquals(100_000, clock.trueErrorNanos());

    clock.adjustRate(-60.0);
    clock.adjustRate(-40.0); // adjustments add up: -100 ppm in all

    assertEquals(-100.0, clock.rateAdjustmentPpm());
    hostNanos.addAndGet(ONE_SECOND_NANOS);
    assertEquals(100_000, clock.trueErrorNanos());
    clock.adjustRate(50.0);
    hostNanos.addAndGet(ONE_SECOND_NANOS);
    assertEquals(150_000, clock.trueErrorNanos());
  }

  @Test
  void faultyClockIgnoresAdjustRate() {
    SimulatedClock clock = clock(0, 100.0, true);
    clock.adjustRate(-100.0);
    hostNanos.addAndGet(ONE_SECOND_NANOS);
    assertEquals(100_000, clock.trueErrorNanos());
    assertEquals(0.0, clock.rateAdjustmentPpm());
  }
}
