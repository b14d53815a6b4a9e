package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.bench.SizeReport;
import org.mpjbench.launcher.bench.SizeReport.Row;

/** {@link SizeCharts}: the lines by operation and K, log-log axes, the PNGs, the empty refusal. */
class SizeChartsTest {
  @TempDir Path tmp;

  private static SizeReport report() {
    return SizeReport.of(List.of(
        new Row("latency", 2, "multicore", 1, 100, 20, 30, Double.NaN),
        new Row("latency", 2, "multicore", 1024, 100, 25, 40, Double.NaN),
        new Row("bcast", 2, "multicore", 1, 100, 10, 12, Double.NaN),
        new Row("bcast", 3, "multicore", 1, 100, 15, 22, Double.NaN),
        new Row("bcast", 3, "multicore", 1024, 100, 0, 22, Double.NaN),
        new Row("bandwidth", 2, "multicore", 1, 10, 600, 700, 0.1),
        new Row("bandwidth", 2, "multicore", 1024, 10, 700, 800, 93.6),
        new Row("bandwidth", 3, "multicore", 1024, 10, 800, 900, 81.9)));
  }

  @Test
  void latencyHasALinePerOperationAndRankCountOfTheMedians() {
    List<SizeCharts.Line> lines = SizeCharts.latencyLines(report());
    assertEquals(List.of("latency K=2", "bcast K=2", "bcast K=3"),
        lines.stream().map(SizeCharts.Line::label).toList());
    assertEquals(List.of(new SizeCharts.Point(1, 20), new SizeCharts.Point(1024, 25)),
        lines.get(0).points());
    // A median of 0 cannot sit on a log axis: left out.
    assertEquals(List.of(new SizeCharts.Point(1, 15)), lines.get(2).points());
  }

  /** With bibw beside bandwidth, both are in the bandwidth chart, each label naming its own. */
  @Test
  void bibwJoinsTheBandwidthChartNamed() {
    List<Row> rows = new java.util.ArrayList<>(report().rows());
    rows.add(new Row("bibw", 2, "multicore", 1024, 10, 900, 950, 145.6));
    SizeReport both = SizeReport.of(rows);
    assertEquals(List.of("bandwidth K=2", "bandwidth K=3", "bibw K=2"),
        SizeCharts.bandwidthLines(both).stream().map(SizeCharts.Line::label).toList());
    assertEquals(List.of("latency K=2", "bcast K=2", "bcast K=3"),
        SizeCharts.latencyLines(both).stream().map(SizeCharts.Line::label).toList());
    assertTrue(both.rows("bibw").get(0).isBandwidth());
  }

  @Test
  void bandwidthHasALinePerRankCountInMegabytesPerSecond() {
    List<SizeCharts.Line> lines = SizeCharts.bandwidthLines(report());
    assertEquals(List.of("K=2", "K=3"), lines.stream().map(SizeCharts.Line::label).toList());
    assertEquals(List.of(new SizeCharts.Point(1, 0.1), new SizeCharts.Point(1024, 93.6)),
        lines.get(0).points());
  }

  @Test
  void bothAxesAreLogarithmic() {
    for (boolean bandwidth : new boolean[] {false, true}) {
      List<SizeCharts.Line> lines = bandwidth ? SizeCharts.bandwidthLines(report())
          : SizeCharts.latencyLines(report());
      JFreeChart chart = SizeCharts.build(lines, report(), bandwidth);
      XYPlot plot = chart.getXYPlot();
      assertInstanceOf(LogAxis.class, plot.getDomainAxis());
      assertInstanceOf(LogAxis.class, plot.getRangeAxis());
      assertEquals(lines.size(), plot.getDataset().getSeriesCount());
    }
  }

  @Test
  void writesBothPngsOfTheStandardSize() throws IOException {
    List<Path> files = SizeCharts.writeAll(report(), tmp);
    assertEquals(List.of(tmp.resolve(SizeCharts.LATENCY_FILE_NAME),
        tmp.resolve(SizeCharts.BANDWIDTH_FILE_NAME)), files);
    for (Path file : files) {
      BufferedImage image = ImageIO.read(file.toFile());
      assertEquals(ChartStyle.WIDTH_PIXELS, image.getWidth());
      assertEquals(ChartStyle.HEIGHT_PIXELS, image.getHeight());
      assertTrue(ChartStyle.isChartOfOurs(file));
    }
  }

  @Test
  void theNativeReferenceHasItsOwnLinesHollowAndThin() {
    SizeReport report = SizeReport.of(List.of(
        new Row("latency", 2, "multicore", 8, 100, 20, 30, Double.NaN),
        new Row("latency", 2, "native-openmpi", 8, 100, 0.2, 0.3, Double.NaN),
        new Row("allreduce", 2, "native-openmpi", 8, 100, 0.3, 0.4, Double.NaN)));
    List<SizeCharts.Line> lines = SizeCharts.latencyLines(report);
    assertEquals(List.of("latency K=2 (multicore)", "latency K=2 (native-openmpi)",
        "allreduce K=2 (native-openmpi)"), lines.stream().map(SizeCharts.Line::label).toList());
    org.jfree.chart.renderer.xy.XYLineAndShapeRenderer renderer =
        (org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) SizeCharts.build(lines, report,
            false).getXYPlot().getRenderer();
    assertEquals(null, renderer.getSeriesShapesFilled(0));
    assertEquals(Boolean.FALSE, renderer.getSeriesShapesFilled(1));
    assertEquals(Boolean.FALSE, renderer.getSeriesShapesFilled(2));
  }

  @Test
  void nothingToDrawIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SizeCharts.writeAll(SizeReport.of(List.of()), tmp));
  }
}
