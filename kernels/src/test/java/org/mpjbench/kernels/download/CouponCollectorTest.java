package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The coupon-collector figures that judge a download. */
class CouponCollectorTest {
  @Test
  void harmonicNumbers() {
    assertEquals(1.0, CouponCollector.harmonic(1), 0);
    assertEquals(1.5, CouponCollector.harmonic(2), 1e-15);
    assertEquals(7.485470860550345, CouponCollector.harmonic(1000), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> CouponCollector.harmonic(0));
  }

  @Test
  void expectedDrawsForAThousandLinesIsAboutSevenThousandFiveHundred() {
    assertEquals(7485.47, CouponCollector.expectedDraws(1000), 0.01);
  }

  @Test
  void boundShrinksWithRanksAndRate() {
    assertEquals(29.94, CouponCollector.boundSeconds(1000, 1, 250), 0.01);
    assertEquals(14.97, CouponCollector.boundSeconds(1000, 2, 250), 0.01);
    assertEquals(9.98, CouponCollector.boundSeconds(1000, 3, 250), 0.01);
    assertEquals(7.49, CouponCollector.boundSeconds(1000, 4, 250), 0.01);
  }

  @Test
  void drawsToCompleteCountsUpToTheDrawThatCompletesTheSet() {
    assertEquals(5, CouponCollector.drawsToComplete(new int[] {0, 0, 2, 0, 1, 1, 2}, 3));
    assertEquals(1, CouponCollector.drawsToComplete(new int[] {0}, 1));
    assertEquals(-1, CouponCollector.drawsToComplete(new int[] {0, 2, 2}, 3));
    assertEquals(-1, CouponCollector.drawsToComplete(new int[] {}, 3));
  }

  @Test
  void drawsOutsideTheFileAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> CouponCollector.drawsToComplete(new int[] {0, 3}, 3));
    assertThrows(IllegalArgumentException.class,
        () -> CouponCollector.drawsToComplete(new int[] {-1}, 3));
  }
}
