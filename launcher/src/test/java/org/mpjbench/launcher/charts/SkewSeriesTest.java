package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.berkeley;
import static org.mpjbench.launcher.charts.ResultFixtures.download;
import static org.mpjbench.launcher.charts.ResultFixtures.incomplete;
import static org.mpjbench.launcher.charts.ResultFixtures.on;
import static org.mpjbench.launcher.charts.ResultFixtures.records;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SkewSeries}: medians per round and rank count, in µs, without zeros. */
class SkewSeriesTest {

  @Test
  void oneSeriesPerRankCountOfPerRoundMediansInMicroseconds() {
    List<SkewSeries> series = SkewSeries.from(records(
        berkeley(4, 27_000_000, 20_000, 800),
        berkeley(2, 5_000_000, 3_000, 400),
        berkeley(4, 30_000_000, 18_000, 900),
        berkeley(4, 25_000_000, 22_000, 700)));
    assertEquals(List.of("2 ranks (1 run)", "4 ranks (median of 3 runs)"),
        series.stream().map(SkewSeries::label).toList());
    // The medians, and the band from the best to the worst of the three runs in each round.
    assertEquals(List.of(new SkewSeries.Point(1, 27_000, 25_000, 30_000),
        new SkewSeries.Point(2, 20, 18, 22), new SkewSeries.Point(3, 0.8, 0.7, 0.9)),
        series.get(1).points());
    assertEquals(3, series.get(1).runs());
    assertEquals(List.of(new SkewSeries.Point(1, 5_000), new SkewSeries.Point(2, 3),
        new SkewSeries.Point(3, 0.4)), series.get(0).points());
  }

  @Test
  void zeroSkewHasNoPlaceOnALogAxis() {
    List<SkewSeries> series = SkewSeries.from(records(
        berkeley(1, 0, 0, 0), berkeley(1, 0, 0, 0),
        berkeley(2, 4_000_000, 0, 500)));
    assertEquals(1, series.size(), "the 1-rank runs (skew 0) make no series");
    assertEquals(2, series.get(0).ranks());
    assertEquals(List.of(1, 3), series.get(0).points().stream().map(SkewSeries.Point::round)
        .toList(), "round 2's median skew is 0: left out");
  }

  @Test
  void onlyOneRankRunsAreRejectedSayingWhy() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SkewSeries.from(records(berkeley(1, 0, 0), berkeley(1, 0, 0))));
    assertTrue(e.getMessage().startsWith("no berkeley runs with a skew above 0 to plot"),
        e.getMessage());
    assertTrue(e.getMessage().contains("log scale"), e.getMessage());
  }

  @Test
  void noCompleteBerkeleyRunIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SkewSeries.from(records(incomplete("berkeley", 4, "interrupted"),
            download(1, 30, 0.9))));
    assertEquals("no complete berkeley runs to plot", e.getMessage());
  }

  @Test
  void roundsMissingFromSomeRunsTakeTheMedianOfTheOthers() {
    List<SkewSeries> series = SkewSeries.from(records(
        berkeley(3, 9_000, 6_000), berkeley(3, 7_000, 2_000, 1_000), berkeley(3, 8_000)));
    assertEquals(List.of(new SkewSeries.Point(1, 8, 7, 9), new SkewSeries.Point(2, 4, 2, 6),
        new SkewSeries.Point(3, 1)), series.get(0).points());
  }

  @Test
  void severalDevicesGetOneSeriesEachNamedByDevice() {
    List<SkewSeries> series = SkewSeries.from(records(
        berkeley(4, 30_000, 20), on("niodev", berkeley(4, 40_000, 40)), berkeley(2, 10_000, 10)));
    assertEquals(List.of("2 ranks, multicore (1 run)", "4 ranks, multicore (1 run)",
        "4 ranks, niodev (1 run)"), series.stream().map(SkewSeries::label).toList());
  }

  @Test
  void aRoundWithoutTrueSkewIsRejectedNamingTheField() {
    var run = berkeley(2, 1_000, 2_000);
    ((com.fasterxml.jackson.databind.node.ObjectNode) run.get("result").get("rounds").get(1))
        .remove("trueSkewNanos");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SkewSeries.from(records(run)));
    assertTrue(e.getMessage().endsWith("has no result.rounds[1].trueSkewNanos (its berkeley result is incomplete)"),
        e.getMessage());
  }
}
