package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.berkeley;
import static org.mpjbench.launcher.charts.ResultFixtures.download;
import static org.mpjbench.launcher.charts.ResultFixtures.incomplete;
import static org.mpjbench.launcher.charts.ResultFixtures.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.RunRecord;

/** {@link Charts} and the three renderers: real PNGs of the fixed size, and loud refusals. */
class ChartsTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path tmp;

  /** A sweep's worth of runs: download at 1, 2, 4 and 8 ranks, Berkeley at 1, 2 and 4. */
  static List<RunRecord> everything() {
    return records(
        download(1, 30.2, 0.93), download(1, 29.5, 0.95), download(1, 31.0, 0.91),
        download(2, 15.5, 0.94), download(2, 16.1, 0.90), download(2, 15.2, 0.96),
        download(4, 8.0, 0.91), download(4, 7.6, 0.95), download(4, 8.4, 0.88),
        download(8, 4.3, 0.86), download(8, 4.1, 0.89), download(8, 4.6, 0.83),
        berkeley(1, 0, 0, 0, 0, 0, 0, 0, 0),
        berkeley(2, 18_000_000, 40_000, 9_000, 5_000, 4_000, 3_500, 3_000, 2_800),
        berkeley(2, 21_000_000, 35_000, 8_000, 5_500, 3_900, 3_100, 3_200, 2_600),
        berkeley(4, 27_100_000, 22_670, 14_000, 9_000, 6_000, 2_000, 1_100, 784),
        berkeley(4, 44_000_000, 30_000, 18_000, 8_000, 4_000, 2_500, 1_300, 900));
  }

  @Test
  void renderAllWritesEveryChartAsAPngOfTheFixedSize() throws IOException {
    Path out = tmp.resolve("plots");
    List<Path> files = Charts.renderAll(everything(), out);
    // The download reaches 8 ranks: past the default sweep, so the scale chart comes too.
    assertEquals(List.of(out.resolve("download-lines-vs-time.png"),
        out.resolve("download-speedup.png"), out.resolve("berkeley-skew.png"),
        out.resolve(ScaleChart.FILE_NAME)), files);
    for (Path file : files) {
      assertIsPng(file);
    }
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(files.size(), left.count(), "no temporary file may remain");
    }
    assertEquals("true", System.getProperty("java.awt.headless"));
  }

  @Test
  void eachRendererWritesItsOwnPng() throws IOException {
    List<RunRecord> runs = everything();
    assertIsPng(LinesVsTimeChart.write(LinesVsTime.from(runs), tmp));
    assertIsPng(SpeedupChart.write(SpeedupPoints.from(runs), tmp));
    assertIsPng(SkewChart.write(SkewSeries.from(runs), tmp));
    assertEquals(tmp.resolve(SkewChart.FILE_NAME), tmp.resolve("berkeley-skew.png"));
  }

  @Test
  void skewIsOnALogAxisAndSeriesAreLabelled() {
    JFreeChart chart = SkewChart.build(SkewSeries.from(everything()));
    assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
    assertEquals(2, chart.getXYPlot().getDataset().getSeriesCount(), "1 rank is left out");
    assertEquals("2 ranks (median of 2 runs)", chart.getXYPlot().getDataset().getSeriesKey(0));
    assertTrue(chart.getXYPlot().getRangeAxis().getLabel().contains("µs"));
  }

  @Test
  void theLogAxisSpansWholeDecadesSoThatSomeTickIsLabelled() {
    ValueAxis narrow = SkewChart.build(List.of(new SkewSeries("2 ranks (1 run)", "multicore", 2, 1,
        List.of(new SkewSeries.Point(1, 15), new SkewSeries.Point(2, 40))))).getXYPlot()
        .getRangeAxis();
    assertEquals(10, narrow.getLowerBound(), 1e-9);
    assertEquals(100, narrow.getUpperBound(), 1e-9);
    ValueAxis exact = SkewChart.build(List.of(new SkewSeries("2 ranks (1 run)", "multicore", 2, 1,
        List.of(new SkewSeries.Point(1, 100))))).getXYPlot().getRangeAxis();
    assertEquals(100, exact.getLowerBound(), 1e-9);
    assertEquals(1000, exact.getUpperBound(), 1e-9);
    ValueAxis wide = SkewChart.build(SkewSeries.from(everything())).getXYPlot().getRangeAxis();
    assertEquals(0.1, wide.getLowerBound(), 1e-9, "0.842 µs is the lowest median");
    assertEquals(100_000, wide.getUpperBound(), 1e-6, "35,550 µs is the highest");
  }

  @Test
  void fewDecadesAreLabelledAtOneTwoAndFiveManyAtThePowersOnly() {
    assertEquals(List.of("10", "20", "50", "100"),
        labels(new SkewChart.DecadeAxis("skew", 15, 40)));
    assertEquals(List.of("0.1", "0.2", "0.5", "1", "2", "5", "10", "20", "50", "100"),
        labels(new SkewChart.DecadeAxis("skew", 0.3, 99)));
    assertEquals(List.of("0.1", "1", "10", "100", "1,000", "10,000", "100,000"),
        labels(new SkewChart.DecadeAxis("skew", 0.842, 35_550)));
  }

  private static List<String> labels(SkewChart.DecadeAxis axis) {
    return axis.refreshTicksVertical(null, null, RectangleEdge.LEFT).stream()
        .filter(tick -> tick.getTickType() == TickType.MAJOR).map(tick -> tick.getText())
        .toList();
  }

  @Test
  void linesAndSpeedupChartsHaveTheirSeries() {
    JFreeChart lines = LinesVsTimeChart.build(LinesVsTime.from(everything()));
    assertEquals(4, lines.getXYPlot().getDataset().getSeriesCount());
    assertEquals("1 rank (median of 3 runs, T = 30.2 s)",
        lines.getXYPlot().getDataset().getSeriesKey(0));
    JFreeChart speedup = SpeedupChart.build(SpeedupPoints.from(everything()));
    assertEquals(4, speedup.getXYPlot().getDataset().getSeriesCount());
    assertEquals(8, speedup.getXYPlot().getDataset().getItemCount(2), "ideal at K = 1..8");
    assertEquals(8.0, speedup.getXYPlot().getDataset().getXValue(2, 7));
    assertEquals(8.0, speedup.getXYPlot().getDataset().getYValue(2, 7));
  }

  @Test
  void nothingToPlotIsRejectedAndWritesNothing() {
    Path out = tmp.resolve("plots");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Charts.renderAll(List.of(), out));
    assertEquals("no complete runs of a kernel with charts to plot (no runs given)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Charts.renderAll(
        records(incomplete("download", 4, "failed"), incomplete("berkeley", 2, "interrupted")),
        out));
    assertEquals("no complete runs of a kernel with charts to plot (2 runs given)",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Charts.renderAll(records(berkeley(1, 0, 0)), out));
    assertTrue(e.getMessage().startsWith("nothing to plot: berkeley-skew.png not drawn: the"
        + " berkeley runs all have 1 rank"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void speedupIsLeftOutWithANoteWithoutOneRankRuns() throws IOException {
    Charts.Rendering rendering = Charts.render(
        records(download(2, 15, 0.9), download(4, 8, 0.9)), tmp);
    assertEquals(List.of(tmp.resolve("download-lines-vs-time.png")), rendering.files());
    assertEquals(List.of("download-speedup.png not drawn: speedup needs download runs with 1 rank"),
        rendering.notes());
  }

  @Test
  void incompleteRunsAndUnknownKernelsAreSkippedWithANote() throws IOException {
    ObjectNode other = berkeley(2, 1000);
    other.put("kernel", "paxos");
    Charts.Rendering rendering = Charts.render(records(berkeley(2, 5_000, 100),
        incomplete("download", 4, "timed-out"), other), tmp);
    assertEquals(List.of(tmp.resolve("berkeley-skew.png")), rendering.files());
    assertEquals(2, rendering.notes().size(), rendering.notes().toString());
    assertTrue(rendering.notes().get(0).matches("skipped download-4r-multicore-\\d{8}T\\d{6}Z:"
        + " status timed-out \\(only complete runs are plotted\\)"), rendering.notes().toString());
    assertEquals("skipped 1 paxos run: there is no chart for that kernel",
        rendering.notes().get(1));
  }

  @Test
  void aBrokenRunStopsEverythingBeforeAnyFileIsWritten() {
    ObjectNode broken = berkeley(4, 1_000, 500);
    ((ObjectNode) broken.get("result")).remove("rounds");
    Path out = tmp.resolve("plots");
    List<RunRecord> runs = new java.util.ArrayList<>(records(download(1, 30, 0.9)));
    runs.add(ResultFixtures.record(broken));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Charts.renderAll(runs, out));
    assertTrue(e.getMessage().endsWith("has no result.rounds (its berkeley result is incomplete)"), e.getMessage());
    assertFalse(Files.exists(out), "the download charts were not written either");
  }

  @Test
  void renderersRefuseEmptyData() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SkewChart.build(List.of()));
    assertEquals("no berkeley skew series to plot", e.getMessage());
  }

  static void assertIsPng(Path file) throws IOException {
    assertTrue(Files.isRegularFile(file), file + " missing");
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), file.toString());
    BufferedImage image;
    try (InputStream in = Files.newInputStream(file)) {
      image = ImageIO.read(in);
    }
    assertNotNull(image, file + " is not a readable image");
    assertEquals(Charts.WIDTH_PIXELS, image.getWidth());
    assertEquals(Charts.HEIGHT_PIXELS, image.getHeight());
    assertEquals(1000, image.getWidth());
    assertEquals(600, image.getHeight());
  }
}
