package org.mpjbench.kernels.cristian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of {@link CristianEstimator}: the estimate and the choice of the shortest exchange. */
class CristianEstimatorTest {

  /** The server is {@code offset} ahead; the request takes {@code up}, the reply {@code down}. */
  private static long exchange(CristianEstimator estimator, long send, long offset, long up,
      long down) {
    return estimator.add(send, send + up + offset, send + up + down);
  }

  @Test
  void symmetricDelaysGiveTheExactOffset() {
    CristianEstimator estimator = new CristianEstimator(1);
    assertEquals(5_000_000, exchange(estimator, 1_000, 5_000_000, 20_000, 20_000));
    assertEquals(40_000, estimator.minRoundTripNanos());
  }

  @Test
  void theErrorIsAtMostHalfTheRoundTrip() {
    CristianEstimator estimator = new CristianEstimator(2);
    long allUp = exchange(estimator, 0, -7_000, 100_000, 0);
    long allDown = exchange(estimator, 0, -7_000, 0, 100_000);
    assertEquals(-7_000 + 50_000, allUp);
    assertEquals(-7_000 - 50_000, allDown);
  }

  @Test
  void keepsTheShortestRoundTripAndReportsTheMedian() {
    CristianEstimator estimator = new CristianEstimator(4);
    exchange(estimator, 0, 1_000_000, 90_000, 10_000);
    exchange(estimator, 200_000, 1_000_000, 15_000, 15_000);
    exchange(estimator, 400_000, 1_000_000, 30_000, 10_000);
    exchange(estimator, 600_000, 1_000_000, 5_000, 55_000);
    assertEquals(30_000, estimator.minRoundTripNanos());
    assertEquals(1_000_000, estimator.offsetNanos());
    assertEquals(1, estimator.bestIndex());
    assertEquals(230_000, estimator.bestReceiptNanos());
    assertEquals(50_000, estimator.medianRoundTripNanos());
    assertEquals(4, estimator.count());
  }

  @Test
  void refusesWhatCannotBe() {
    CristianEstimator estimator = new CristianEstimator(1);
    assertThrows(IllegalStateException.class, estimator::offsetNanos);
    assertThrows(IllegalArgumentException.class, () -> estimator.add(10, 0, 5));
    estimator.add(0, 0, 5);
    assertThrows(IllegalStateException.class, () -> estimator.add(0, 0, 5));
  }

  @Test
  void parametersNameTheOptionAtFault() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CristianParameters(0, 50, 20, 1, 1000));
    assertTrue(e.getMessage().contains("--samples"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CristianParameters(8, -1, 20, 1, 1000));
    assertTrue(e.getMessage().contains("--spread-ms"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CristianParameters(8, 50, 20, 1, 0));
    assertTrue(e.getMessage().contains("--timeout-ms"), e.getMessage());
  }
}
