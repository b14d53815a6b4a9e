package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link StallWatch} with made-up times: progress, the floor, the two causes, slow servers. */
class StallWatchTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @Test
  void newLinesKeepItQuietAndTheFloorHolds() {
    StallWatch watch = new StallWatch(1000, 4, 250, 0);
    assertNull(watch.check(SECOND, 10, 10, 900));
    // 990 lines missing: a new one is expected every ~1 ms, yet 5 s is the least patience.
    assertNull(watch.check(5 * SECOND, 10, 100_000, 900));
    assertNotNull(watch.check(6 * SECOND + 1, 10, 100_000, 900));
  }

  @Test
  void aFileWithFewerLinesThanToldIsNamedWithItsLikelyCount() {
    StallWatch watch = new StallWatch(1000, 4, 250, 0);
    assertNull(watch.check(SECOND, 674, 5000, 674));
    String stall = watch.check(7 * SECOND, 674, 11_000, 674);
    assertEquals("download stalled: 674 of 1000 lines held and no new line for 6.0 s over 6000"
        + " lines received, all already held and below line 674: the server likely has 674"
        + " lines, not 1000 (--lines)", stall);
  }

  @Test
  void aServerThatDeclinesEverythingIsNamed() {
    StallWatch watch = new StallWatch(500, 2, 100, 0);
    String stall = watch.check(6 * SECOND, 0, 0, 0);
    assertTrue(stall.startsWith("download stalled: 0 of 500 lines held and no new line for 6.0 s,"
        + " no line received at all: the line server declines every request"), stall);
  }

  @Test
  void linesThatComeSlowlyAreNotAStall() {
    // 1 line missing of 1000: about 1000 draws expected; 50 arrived in 30 s: slow, not stalled.
    StallWatch watch = new StallWatch(1000, 1, 2000, 0);
    assertNull(watch.check(SECOND, 999, 5000, 1000));
    assertNull(watch.check(31 * SECOND, 999, 5050, 1000));
  }

  @Test
  void theLastLinesGetManyExpectedWaits() {
    // One line missing of 1000 at 1 rank × 10/s: expected every 100 s, patience 2000 s.
    StallWatch watch = new StallWatch(1000, 1, 10, 0);
    assertNull(watch.check(SECOND, 999, 20_000, 1000));
    assertNull(watch.check(1900 * SECOND, 999, 40_000, 1000));
    String stall = watch.check(2002 * SECOND, 999, 40_000, 1000);
    assertTrue(stall.endsWith("the server likely serves fewer distinct lines than 1000"
        + " (--lines)"), stall);
  }

  @Test
  void aCompleteDownloadIsNeverStalled() {
    StallWatch watch = new StallWatch(10, 1, 1, 0);
    assertNull(watch.check(1000 * SECOND, 10, 10, 10));
  }
}
