package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.benchmarks.KernelCase;
import org.mpjbench.launcher.bench.BenchReport;
import org.mpjbench.launcher.bench.JmhFixtures;

/** {@link ThroughputChart}: a real PNG of the fixed size, the series, and the empty refusal. */
class ThroughputChartTest {
  @TempDir Path tmp;

  private BenchReport session() throws IOException {
    return BenchReport.read(JmhFixtures.session(tmp.resolve("jmh")));
  }

  @Test
  void writesAPngOfTheFixedSize() throws IOException {
    Path out = tmp.resolve("plots");
    Path file = ThroughputChart.write(session(), out);
    assertEquals(out.resolve("throughput.png"), file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image, "a PNG ImageIO can read");
    assertEquals(Charts.WIDTH_PIXELS, image.getWidth());
    assertEquals(Charts.HEIGHT_PIXELS, image.getHeight());
    assertEquals(1000, image.getWidth());
    assertEquals(600, image.getHeight());
    try (Stream<Path> left = Files.list(out)) {
      assertEquals(List.of(file), left.toList(), "no temporary file may remain");
    }
  }

  @Test
  void oneLinePerBenchmarkOnALogAxisWithTheBaselinesDashedAndLast() throws IOException {
    JFreeChart chart = ThroughputChart.build(session());
    assertEquals("Kernel throughput on MPJ Express ranks", chart.getTitle().getText());
    assertTrue(((TextTitle) chart.getSubtitle(1)).getText().contains("multicore device"),
        ((TextTitle) chart.getSubtitle(1)).getText());
    assertInstanceOf(LogAxis.class, chart.getXYPlot().getRangeAxis());
    assertEquals(0.1, chart.getXYPlot().getRangeAxis().getLowerBound(), 1e-12,
        "0.5 downloads/s is the lowest");
    assertEquals(1e6, chart.getXYPlot().getRangeAxis().getUpperBound(), 1e-6);
    assertEquals(0.5, chart.getXYPlot().getDomainAxis().getLowerBound(), 1e-12);
    assertEquals(4.5, chart.getXYPlot().getDomainAxis().getUpperBound(), 1e-12);

    XYDataset data = chart.getXYPlot().getDataset();
    assertEquals(4, data.getSeriesCount());
    assertEquals("berkeley-round", data.getSeriesKey(0));
    assertEquals("download", data.getSeriesKey(1));
    assertTrue(data.getSeriesKey(2).toString().startsWith("ping-pong (baseline"));
    assertTrue(data.getSeriesKey(3).toString().startsWith("allreduce (baseline"));
    assertEquals(2, data.getItemCount(2), "no ping-pong at 1 rank");
    assertEquals(2.0, data.getXValue(2, 0), 0);
    assertEquals(12_000, data.getYValue(2, 0), 1e-6);

    XYItemRenderer renderer = chart.getXYPlot().getRenderer();
    for (int series = 0; series < 4; series++) {
      float[] dashes = ((BasicStroke) renderer.getSeriesStroke(series)).getDashArray();
      assertEquals(series >= 2, dashes != null, "series " + series + " dashed iff a baseline");
    }
  }

  @Test
  void aSingleRankCountStillDraws() throws IOException {
    Path file = JmhFixtures.write(tmp, "jmh-2r.json",
        JmhFixtures.result("BerkeleyRoundBenchmark", "round", 2, 1500, 30, "ops/s"));
    JFreeChart chart = ThroughputChart.build(BenchReport.read(List.of(file)));
    assertEquals(1.5, chart.getXYPlot().getDomainAxis().getLowerBound(), 1e-12);
    assertEquals(2.5, chart.getXYPlot().getDomainAxis().getUpperBound(), 1e-12);
    assertEquals(1_000, chart.getXYPlot().getRangeAxis().getLowerBound(), 1e-9);
    assertEquals(10_000, chart.getXYPlot().getRangeAxis().getUpperBound(), 1e-9);
  }

  @Test
  void severalDevicesGetTheirOwnLinesAndColours() throws IOException {
    ObjectNode niodev = JmhFixtures.result("PingPongBenchmark", "roundTrip", 2, 2_500, 100, "ops/s");
    ((ObjectNode) niodev.get("params")).put("device", "niodev");
    Path file = JmhFixtures.write(tmp, "jmh-2r.json", niodev,
        JmhFixtures.result("PingPongBenchmark", "roundTrip", 2, 12_000, 100, "ops/s"),
        JmhFixtures.result("AllreduceBenchmark", "allreduce", 2, 50_000, 100, "ops/s"));
    JFreeChart chart = ThroughputChart.build(BenchReport.read(List.of(file)));
    XYDataset data = chart.getXYPlot().getDataset();
    assertEquals(List.of("ping-pong (multicore; baseline, ranks 0↔1)",
        "ping-pong (niodev; baseline, ranks 0↔1)", "allreduce (multicore; baseline, one double)"),
        List.of(data.getSeriesKey(0), data.getSeriesKey(1), data.getSeriesKey(2)));
    XYItemRenderer renderer = chart.getXYPlot().getRenderer();
    assertEquals(3, Set.of(renderer.getSeriesPaint(0), renderer.getSeriesPaint(1),
        renderer.getSeriesPaint(2)).size(), "three colours");
    assertTrue(((TextTitle) chart.getSubtitle(1)).getText().contains("devices multicore, niodev"));
  }

  /** The session of {@link JmhFixtures#session} plus the twelve kernel cases at 2 and 4 ranks. */
  private BenchReport withKernelRuns() throws IOException {
    List<Path> files = new ArrayList<>(JmhFixtures.session(tmp.resolve("jmh")));
    List<ObjectNode> runs = new ArrayList<>();
    for (int ranks : List.of(2, 4)) {
      for (int i = 0; i < KernelCase.NAMES.size(); i++) {
        runs.add(JmhFixtures.kernelRun(KernelCase.NAMES.get(i), ranks, 10 + 10 * i + ranks, 1,
            1_000));
      }
    }
    files.add(JmhFixtures.write(tmp.resolve("kernels"), "jmh-runs.json",
        runs.toArray(ObjectNode[]::new)));
    return BenchReport.read(files);
  }

  @Test
  void theKernelRunsGetAChartOfTheirOwnBesideThePingPong() throws IOException {
    BenchReport report = withKernelRuns();
    XYDataset session = ThroughputChart.build(report).getXYPlot().getDataset();
    assertEquals(4, session.getSeriesCount(), "the kernel runs are not in throughput.png");

    JFreeChart chart = ThroughputChart.buildKernelRuns(report);
    assertEquals("Kernel runs on MPJ Express ranks", chart.getTitle().getText());
    assertTrue(((TextTitle) chart.getSubtitle(1)).getText().startsWith(
        "one operation: a whole default run of the kernel, multicore device"));
    XYDataset data = chart.getXYPlot().getDataset();
    // Every kernel case of the registry, then the ping-pong.
    int cases = KernelCase.NAMES.size();
    assertEquals(cases + 1, data.getSeriesCount());
    List<String> keys = new ArrayList<>();
    for (int series = 0; series < cases; series++) {
      keys.add(data.getSeriesKey(series).toString());
    }
    assertEquals(new TreeSet<>(KernelCase.NAMES).stream().toList(), keys, "sorted by name");
    assertTrue(data.getSeriesKey(cases).toString().startsWith("ping-pong (baseline"));
    assertEquals(4, data.getXValue(0, 1), 0);

    XYItemRenderer renderer = chart.getXYPlot().getRenderer();
    // Two lines look alike when they share colour and marker (compared as areas, so that a
    // triangle pointing up differs from one pointing down).
    for (int a = 0; a <= cases; a++) {
      for (int b = a + 1; b <= cases; b++) {
        boolean samePaint = renderer.getSeriesPaint(a).equals(renderer.getSeriesPaint(b));
        boolean sameShape = new java.awt.geom.Area(renderer.getSeriesShape(a))
            .equals(new java.awt.geom.Area(renderer.getSeriesShape(b)));
        assertFalse(samePaint && sameShape, "every line its own colour and marker: " + keys
            + " " + a + " and " + b);
      }
    }
    assertTrue(((BasicStroke) renderer.getSeriesStroke(cases)).getDashArray() != null);
  }

  @Test
  void writeAllDrawsTheChartsThereIsDataFor() throws IOException {
    Path both = tmp.resolve("both");
    assertEquals(List.of(both.resolve("throughput.png"), both.resolve("kernel-throughput.png")),
        ThroughputChart.writeAll(withKernelRuns(), both));
    for (Path png : List.of(both.resolve("throughput.png"), both.resolve("kernel-throughput.png"))) {
      assertEquals(Charts.WIDTH_PIXELS, ImageIO.read(png.toFile()).getWidth());
    }

    Path sessionOnly = tmp.resolve("session");
    assertEquals(List.of(sessionOnly.resolve("throughput.png")),
        ThroughputChart.writeAll(session(), sessionOnly));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ThroughputChart.buildKernelRuns(session()));
    assertEquals("no kernel runs to plot", e.getMessage());

    Path kernelsOnly = tmp.resolve("kernels-only");
    BenchReport runs = BenchReport.read(List.of(JmhFixtures.write(tmp, "jmh-2r.json",
        JmhFixtures.kernelRun("lamport", 2, 50, 5, 10_000))));
    assertEquals(List.of(kernelsOnly.resolve("kernel-throughput.png")),
        ThroughputChart.writeAll(runs, kernelsOnly));
    assertEquals("no benchmark results to plot", assertThrows(IllegalArgumentException.class,
        () -> ThroughputChart.writeAll(BenchReport.read(List.of()), tmp.resolve("none")))
        .getMessage());
  }

  @Test
  void anEmptyReportIsRejected() throws IOException {
    BenchReport empty = BenchReport.read(List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ThroughputChart.write(empty, tmp.resolve("plots")));
    assertEquals("no benchmark results to plot", e.getMessage());
    assertTrue(Files.notExists(tmp.resolve("plots").resolve(ThroughputChart.FILE_NAME)));
  }
}
