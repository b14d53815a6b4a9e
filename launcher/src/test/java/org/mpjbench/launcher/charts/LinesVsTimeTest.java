package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.berkeley;
import static org.mpjbench.launcher.charts.ResultFixtures.download;
import static org.mpjbench.launcher.charts.ResultFixtures.incomplete;
import static org.mpjbench.launcher.charts.ResultFixtures.on;
import static org.mpjbench.launcher.charts.ResultFixtures.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.results.RunRecord;

/** {@link LinesVsTime}: one curve per rank count, from the run with the median time. */
class LinesVsTimeTest {

  @Test
  void oneCurvePerRankCountByAscendingKWithItsLegend() {
    LinesVsTime data = LinesVsTime.from(records(
        download(4, 9.9, 0.9), download(1, 30, 0.9), download(4, 7.2, 0.9),
        download(2, 16, 0.9), download(4, 7.43, 0.9), download(2, 15.5, 0.9)));
    assertEquals(List.of(1, 2, 4), data.curves().stream().map(LinesVsTime.Curve::ranks).toList());
    assertEquals(List.of(
            "1 rank (1 run, T = 30.0 s)",
            "2 ranks (median of 2 runs, T = 15.5 s)",
            "4 ranks (median of 3 runs, T = 7.4 s)"),
        data.curves().stream().map(LinesVsTime.Curve::label).toList());
    assertEquals(new DownloadSetup("multicore", 1000, 250.0, 5), data.setup());
  }

  @Test
  void eachCurveIsTheSeriesOfItsMedianRun() {
    // Odd count: the middle one. Even count: the faster of the two middle ones (a real run).
    LinesVsTime data = LinesVsTime.from(records(
        download(3, 12, 0.9), download(3, 10, 0.9), download(3, 11, 0.9),
        download(5, 5, 0.9), download(5, 8, 0.9), download(5, 6, 0.9), download(5, 7, 0.9)));
    LinesVsTime.Curve three = data.curves().get(0);
    assertEquals(11.0, three.masterCompleteSeconds());
    assertEquals(3, three.runs());
    LinesVsTime.Curve five = data.curves().get(1);
    assertEquals(6.0, five.masterCompleteSeconds());
    assertEquals(4, five.runs());
    LinesVsTime.Point last = five.points().get(five.points().size() - 1);
    assertEquals(new LinesVsTime.Point(6.0, 1000), last, "the median run's own series");
    assertEquals(60, five.points().size());
    assertTrue(five.run().startsWith("download-5r-multicore-"), five.run());
  }

  @Test
  void incompleteRunsAndOtherKernelsAreIgnored() {
    LinesVsTime data = LinesVsTime.from(records(
        download(2, 15, 0.9), incomplete("download", 4, "failed"), berkeley(4, 1000, 900)));
    assertEquals(1, data.curves().size());
    assertEquals(2, data.curves().get(0).ranks());
  }

  @Test
  void noCompleteDownloadRunIsRejected() {
    List<RunRecord> none = records(incomplete("download", 4, "failed"), berkeley(4, 1000));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LinesVsTime.from(none));
    assertEquals("no complete download runs to plot", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LinesVsTime(new DownloadSetup("multicore", 1, 1, 1), List.of()));
    assertEquals("no complete download runs to plot", e.getMessage());
  }

  @Test
  void runsOfDifferentSetUpsAreRejectedNamingBoth() {
    ObjectNode other = download(2, 15, 0.9);
    ((ObjectNode) other.get("result")).put("lineCount", 2000);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinesVsTime.from(records(download(1, 30, 0.9), other)));
    assertTrue(e.getMessage().startsWith("download runs of different set-ups cannot share a"
        + " chart (1000 lines, 250 requests/s and burst 5 per connection, multicore; 2000 lines,"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> LinesVsTime.from(
        records(download(1, 30, 0.9), on("niodev", download(2, 15, 0.9)))));
    assertTrue(e.getMessage().contains("multicore; 1000 lines"), e.getMessage());
    assertTrue(e.getMessage().contains("niodev"), e.getMessage());
  }

  @Test
  void aResultWithoutAFieldIsRejectedNamingTheRunAndTheField() {
    ObjectNode broken = download(2, 15, 0.9);
    ((ObjectNode) broken.get("result")).remove("masterCompleteSeconds");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinesVsTime.from(records(broken)));
    assertTrue(e.getMessage().matches("run download-2r-multicore-\\d{8}T\\d{6}Z has no"
        + " result\\.masterCompleteSeconds \\(its download result is incomplete\\)"), e.getMessage());

    ObjectNode badPoint = download(2, 15, 0.9);
    ((ObjectNode) badPoint.get("result").get("series").get(3)).put("distinctLines", "many");
    e = assertThrows(IllegalArgumentException.class, () -> LinesVsTime.from(records(badPoint)));
    assertTrue(e.getMessage().endsWith("has a malformed result.series[3].distinctLines (many; its download result is broken)"),
        e.getMessage());
  }
}
