package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mpjbench.launcher.charts.ResultFixtures.download;
import static org.mpjbench.launcher.charts.ResultFixtures.incomplete;
import static org.mpjbench.launcher.charts.ResultFixtures.records;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SpeedupPoints}: measured, luck-free and bound speedups from medians. */
class SpeedupPointsTest {
  private static final double EPSILON = 1e-9;

  @Test
  void speedupsAreRatiosOfMedians() {
    SpeedupPoints data = SpeedupPoints.from(records(
        download(4, 8, 0.72), download(1, 30, 0.9), download(2, 15.5, 0.88)));
    List<SpeedupPoints.Point> points = data.points();
    assertEquals(List.of(1, 2, 4), points.stream().map(SpeedupPoints.Point::ranks).toList());
    // Measured: median T(1) / median T(K).
    assertEquals(1.0, points.get(0).measured(), EPSILON);
    assertEquals(30 / 15.5, points.get(1).measured(), EPSILON);
    assertEquals(1.94, points.get(1).measured(), 0.005);
    assertEquals(3.75, points.get(2).measured(), EPSILON);
    // Luck-free: K * median E(K) / median E(1).
    assertEquals(1.0, points.get(0).luckFree(), EPSILON);
    assertEquals(2 * 0.88 / 0.9, points.get(1).luckFree(), EPSILON);
    assertEquals(4 * 0.72 / 0.9, points.get(2).luckFree(), EPSILON);
    // The coupon-collector bound N·H(N)/(K·R) scales as 1/K: its speedup is K, the ideal.
    for (SpeedupPoints.Point point : points) {
      assertEquals(point.ideal(), point.bound(), EPSILON);
      assertEquals(point.ranks(), point.ideal(), EPSILON);
    }
    assertEquals(4, data.maxRanks());
  }

  @Test
  void eachRankCountCarriesTheRangeOfItsRunsAroundTheMedians() {
    SpeedupPoints data = SpeedupPoints.from(records(
        download(1, 30, 0.90), download(2, 14, 0.80), download(2, 15, 0.86),
        download(2, 20, 0.95)));
    SpeedupPoints.Point two = data.points().get(1);
    assertEquals(30 / 15.0, two.measured(), EPSILON);
    assertEquals(30 / 20.0, two.measuredLow(), EPSILON, "the slowest run");
    assertEquals(30 / 14.0, two.measuredHigh(), EPSILON, "the fastest run");
    assertEquals(2 * 0.80 / 0.90, two.luckFreeLow(), EPSILON);
    assertEquals(2 * 0.95 / 0.90, two.luckFreeHigh(), EPSILON);
    SpeedupPoints.Point one = data.points().get(0);
    assertEquals(one.measured(), one.measuredLow(), EPSILON, "one run: no range");
    assertEquals(one.measured(), one.measuredHigh(), EPSILON);
  }

  @Test
  void eachRankCountIsTheMedianOfItsRuns() {
    SpeedupPoints data = SpeedupPoints.from(records(
        download(1, 40, 0.80), download(1, 30, 0.90), download(1, 28, 0.95),
        download(2, 15, 0.86), download(2, 16, 0.90)));
    SpeedupPoints.Point one = data.points().get(0);
    assertEquals(3, one.runs());
    assertEquals(30.0, one.medianSeconds(), EPSILON);
    assertEquals(0.90, one.medianEfficiency(), EPSILON);
    SpeedupPoints.Point two = data.points().get(1);
    assertEquals(2, two.runs());
    assertEquals(15.5, two.medianSeconds(), EPSILON, "an even count: the mean of the middle two");
    assertEquals(0.88, two.medianEfficiency(), EPSILON);
    assertEquals(30 / 15.5, two.measured(), EPSILON);
    assertEquals(2 * 0.88 / 0.90, two.luckFree(), EPSILON);
  }

  @Test
  void withoutOneRankRunsThereIsNoSpeedup() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpeedupPoints.from(records(download(2, 15, 0.9), download(4, 8, 0.9),
            incomplete("download", 1, "failed"))));
    assertEquals("speedup needs download runs with 1 rank", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SpeedupPoints(
        new DownloadSetup("multicore", 1, 1, 1),
        List.of(new SpeedupPoints.Point(2, 1, 1, 1, 1, 1, 1, 1))));
    assertEquals("speedup needs download runs with 1 rank", e.getMessage());
  }

  @Test
  void noCompleteDownloadRunIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpeedupPoints.from(records(incomplete("download", 1, "timed-out"))));
    assertEquals("no complete download runs to plot", e.getMessage());
  }
}
