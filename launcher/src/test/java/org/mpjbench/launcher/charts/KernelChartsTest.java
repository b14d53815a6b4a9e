package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.records;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.report.KernelFigures;

/** {@link KernelPoints} and the two kernel charts: medians per K, expectations, the reference. */
class KernelChartsTest {
  @TempDir Path tmp;

  /** Algorithm-kernel runs from 1 to 8 ranks, some at a single rank count, one failed. */
  static List<RunRecord> algorithmRuns() {
    return records(
        KernelFixtures.mutex("ricart-agrawala", 2, 40, 80, 1_000_000, 900),
        KernelFixtures.mutex("ricart-agrawala", 4, 80, 480, 2_000_000, 500),
        KernelFixtures.mutex("ricart-agrawala", 4, 80, 480, 4_000_000, 400),
        KernelFixtures.mutex("ricart-agrawala", 8, 160, 2240, 9_000_000, 200),
        KernelFixtures.violated("ricart-agrawala", 8),
        KernelFixtures.mutex("suzuki-kasami", 2, 40, 2, 500_000, 1000),
        KernelFixtures.mutex("suzuki-kasami", 4, 80, 304, 2_500_000, 440),
        KernelFixtures.mutex("suzuki-kasami", 8, 160, 1200, 8_000_000, 210),
        KernelFixtures.cristian(1),
        KernelFixtures.cristian(4, 9_000_000, 10_000_000, 11_000_000),
        KernelFixtures.election("bully", 4, 3, 216_000_000),
        KernelFixtures.lamport(1, 0, 0, 6_000_000),
        KernelFixtures.remoteCall(4, 600, 1206, 275_000, 3250, 230_000),
        KernelFixtures.remoteCall(8, 1400, 2814, 600_000, 1500, 500_000),
        KernelFixtures.naming(1, 200, 0, 4_351, 140_000));
  }

  @Test
  void pointsAreMediansPerKernelAndRankCount() {
    List<RunRecord> runs = new ArrayList<>(algorithmRuns());
    runs.addAll(ChartsTest.everything()); // Berkeley and the download have charts of their own
    KernelPoints data = KernelPoints.from(runs);
    assertEquals(List.of("cristian", "naming", "remote-call", "lamport", "suzuki-kasami",
        "ricart-agrawala", "bully"), data.series().stream()
        .map(series -> series.kernel().kernelName()).toList(), "the registry's order");
    KernelPoints.Series ra = data.series().get(5);
    assertEquals(List.of(
        new KernelPoints.Point(2, 1, 2.0, 1_000_000.0),
        new KernelPoints.Point(4, 2, 6.0, 3_000_000.0),
        new KernelPoints.Point(8, 1, 14.0, 9_000_000.0)), ra.points(),
        "the failed 8-rank run is not a point");
    KernelPoints.Point cristianAlone = data.series().get(0).points().get(0);
    assertNull(cristianAlone.messagesPerOperation(), "no client, no operation");
    assertNull(cristianAlone.medianLatencyNanos());
    assertEquals(List.of(new KernelPoints.Baseline(4, 247_919.5),
        new KernelPoints.Baseline(8, 500_000)), data.baseline(),
        "the median of cristian's and remote-call's ping-pongs at 4 ranks");
    assertEquals(8, data.maxRanks());
    assertTrue(data.hasMessages());
    assertTrue(data.hasLatency());
    assertTrue(KernelPoints.from(ChartsTest.everything()).isEmpty());
  }

  @Test
  void theMessagesChartShowsTheTextbookCountsBesideTheMeasuredOnes() {
    JFreeChart chart = KernelMessagesChart.build(KernelPoints.from(algorithmRuns()));
    XYDataset data = chart.getXYPlot().getDataset(KernelMessagesChart.MEASURED);
    XYDataset textbook = chart.getXYPlot().getDataset(KernelMessagesChart.TEXTBOOK);
    List<String> names = names(data);
    assertEquals(List.of("cristian, per sync", "naming, per lookup", "remote-call, per call",
        "suzuki-kasami, per entry", "ricart-agrawala, per entry", "bully, per election"), names,
        "lamport made no operation");
    assertEquals(List.of("suzuki-kasami: at most K (textbook)",
        "ricart-agrawala: 2(K−1) (textbook)"), names(textbook));
    int ra = names.indexOf("ricart-agrawala, per entry");
    assertEquals(8, textbook.getItemCount(1), "K = 1 to 8");
    assertEquals(14.0, textbook.getYValue(1, 7));
    assertEquals(8.0, textbook.getYValue(0, 7));
    assertEquals(6.0, data.getYValue(ra, 1));
    double raAtFour = data.getXValue(ra, 1);
    assertEquals(raAtFour, textbook.getXValue(1, 3), 1e-12, "the band runs through the points");
    assertEquals(4, raAtFour, 0.2);
    assertNotEquals(raAtFour, data.getXValue(names.indexOf("suzuki-kasami, per entry"), 1),
        "kernels with equal values stay apart");
    assertEquals(1, data.getItemCount(names.indexOf("bully, per election")),
        "one rank count is one point");
    assertTrue(chart.getXYPlot().getRangeAxis().getUpperBound() >= 16, "cristian's 16 fits");
    assertEquals(8.5, chart.getXYPlot().getDomainAxis().getUpperBound(), 1e-12);
  }

  @Test
  void theLatencyChartIsInMillisecondsOnALogAxisBesideThePingPong() {
    JFreeChart chart = KernelLatencyChart.build(KernelPoints.from(algorithmRuns()));
    XYDataset data = chart.getXYPlot().getDataset();
    List<String> names = names(data);
    assertEquals(List.of("cristian: a client's sync", "naming: lookup round trip",
        "remote-call: call round trip", "suzuki-kasami: wait to enter",
        "ricart-agrawala: wait to enter", "bully: election, until all know",
        "reference: MPI ping-pong in the same runs"), names);
    assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
    int ra = names.indexOf("ricart-agrawala: wait to enter");
    assertEquals(3.0, data.getYValue(ra, 1), 1e-12, "3 ms at 4 ranks");
    assertEquals(1, data.getItemCount(names.indexOf("cristian: a client's sync")),
        "the 1-rank run timed no sync");
    assertEquals(0.001, chart.getXYPlot().getRangeAxis().getLowerBound(), 1e-12,
        "naming's 4.35 µs at 1 rank");
    assertEquals(1000, chart.getXYPlot().getRangeAxis().getUpperBound(), 1e-9,
        "bully's 216 ms");
  }

  @Test
  void chartsWithoutDataAreRefusedAndLeftOutWithANote() throws IOException {
    KernelPoints nothing = KernelPoints.from(records(KernelFixtures.lamport(1, 0, 0, 1_000)));
    assertTrue(!nothing.isEmpty() && !nothing.hasMessages() && !nothing.hasLatency());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KernelMessagesChart.build(nothing));
    assertEquals("no messages per operation of any kernel to plot", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> KernelLatencyChart.build(nothing));
    assertEquals("no latency of any kernel to plot", e.getMessage());

    e = assertThrows(IllegalArgumentException.class, () -> Charts.renderAll(
        records(KernelFixtures.lamport(1, 0, 0, 1_000)), tmp));
    assertEquals("nothing to plot: kernels-messages.png not drawn: no run made an operation;"
        + " kernels-latency.png not drawn: no latency above 0 was measured", e.getMessage());
  }

  @Test
  void renderAllDrawsTheKernelChartsFromTheRecordsAlone() throws IOException {
    List<RunRecord> runs = new ArrayList<>(ChartsTest.everything());
    runs.addAll(algorithmRuns());
    Charts.Rendering rendering = Charts.render(runs, tmp);
    assertEquals(List.of(tmp.resolve("download-lines-vs-time.png"),
        tmp.resolve("download-speedup.png"), tmp.resolve("berkeley-skew.png"),
        tmp.resolve("kernels-messages.png"), tmp.resolve("kernels-latency.png"),
        tmp.resolve(ScaleChart.FILE_NAME)), rendering.files());
    for (Path file : rendering.files()) {
      ChartsTest.assertIsPng(file);
    }
    assertEquals(1, rendering.notes().size(), rendering.notes().toString());
    assertTrue(rendering.notes().get(0).startsWith("skipped ricart-agrawala-8r-multicore-"),
        rendering.notes().toString());
  }

  private static List<String> names(XYDataset data) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < data.getSeriesCount(); i++) {
      names.add(String.valueOf(data.getSeriesKey(i)));
    }
    return names;
  }
}
