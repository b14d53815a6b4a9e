package org.mpjbench.kernels.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Tests of {@link ClockSkew#skewNanos}: the spread of the true errors of the healthy clocks,
 * leaving the faulty ones out.
 */
class ClockSkewTest {

  @Test
  void skewIsLargestMinusSmallestError() {
    long[] errorsNanos = {100, -250, 40, 700};

    assertEquals(950, ClockSkew.skewNanos(errorsNanos, new boolean[4]));
  }

  @Test
  void faultyClocksAreLeftOut() {
    long[] errorsNanos = {100, 10_000_000_000L, -250, -9_000_000_000L, 40};
    boolean[] faulty = {false, true, false, true, false};

    assertEquals(350, ClockSkew.skewNanos(errorsNanos, faulty));
  }

  @Test
  void faultyMasterIsLeftOutToo() {
    long[] errorsNanos = {1_000_000, 5, 8};
    boolean[] faulty = {true, false, false};

    assertEquals(3, ClockSkew.skewNanos(errorsNanos, faulty));
  }

  @Test
  void noClocksGiveZero() {
    assertEquals(0, ClockSkew.skewNanos(new long[0], new boolean[0]));
  }

  @Test
  void oneClockGivesZero() {
    assertEquals(0, ClockSkew.skewNanos(new long[] {123_456}, new boolean[] {false}));
  }

  @Test
  void oneHealthyClockAmongFaultyOnesGivesZero() {
    long[] errorsNanos = {-5_000, 77, 9_000};
    boolean[] faulty = {true, false, true};

    assertEquals(0, ClockSkew.skewNanos(errorsNanos, faulty));
  }

  @Test
  void allFaultyGivesZero() {
    long[] errorsNanos = {-5_000, 9_000};
    boolean[] faulty = {true, true};

    assertEquals(0, ClockSkew.skewNanos(errorsNanos, faulty));
  }

  @Test
  void equalErrorsGiveZero() {
    assertEquals(0, ClockSkew.skewNanos(new long[] {42, 42, 42}, new boolean[3]));
  }

  @Test
  void shorterFaultyArrayTreatsMissingRanksAsHealthy() {
    long[] errorsNanos = {10, 1_000_000, 20, -30};
    boolean[] faulty = {false, true};

    assertEquals(50, ClockSkew.skewNanos(errorsNanos, faulty));
  }

  @Test
  void emptyFaultyArrayMeansAllHealthy() {
    long[] errorsNanos = {10, 1_000_000, 20, -30};

    assertEquals(1_000_030, ClockSkew.skewNanos(errorsNanos, new boolean[0]));
  }

  @Test
  void longerFaultyArrayIsFine() {
    long[] errorsNanos = {10, 20};
    boolean[] faulty = {false, false, true, true};

    assertEquals(10, ClockSkew.skewNanos(errorsNanos, faulty));
  }
}
