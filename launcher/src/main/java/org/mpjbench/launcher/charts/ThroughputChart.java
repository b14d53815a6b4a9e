package org.mpjbench.launcher.charts;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mpjbench.launcher.bench.BenchReport;

/**
 * Renders a {@link BenchReport}: operations per second (logarithmic y axis, whole decades as in
 * {@link SkewChart}) against the number of ranks K, one line per benchmark with JMH's error as
 * bars. The baselines, ping-pong and allreduce, are dashed (grey, then black) lines: references to
 * read the kernels against, not kernels themselves. Results of 0 ops/s have no place on a log
 * axis and are left out.
 */
public final class ThroughputChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "throughput.png";

  /** Solid even on the dashed lines: without it, the bars would take their line's stroke. */
  private static final BasicStroke ERROR_BAR = new BasicStroke(1.5f);

  private ThroughputChart() {}

  /**
   * The chart of {@code report}.
   *
   * @throws IllegalArgumentException "no benchmark results to plot" when the report is empty (or
   *     every score is 0)
   */
  public static JFreeChart build(BenchReport report) {
    ChartStyle.headless();
    Map<String, List<BenchReport.Row>> lines = lines(report);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no benchmark results to plot");
    }
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    for (List<BenchReport.Row> rows : lines.values()) {
      for (BenchReport.Row row : rows) {
        double error = Double.isNaN(row.errorOpsPerSecond()) ? 0 : row.errorOpsPerSecond();
        double low = row.opsPerSecond() - error;
        lowest = Math.min(lowest, low > 0 ? low : row.opsPerSecond());
        highest = Math.max(highest, row.opsPerSecond() + error);
      }
    }
    SkewChart.DecadeAxis y =
        new SkewChart.DecadeAxis("operations per second (log scale)", lowest, highest);
    ChartStyle.style(y);
    double bottom = y.getLowerBound();

    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setCapLength(8);
    renderer.setErrorStroke(ERROR_BAR);
    renderer.setDefaultLinesVisible(true);
    int kernels = 0;
    int baselines = 0;
    int maxRanks = 1;
    for (Map.Entry<String, List<BenchReport.Row>> line : lines.entrySet()) {
      List<BenchReport.Row> rows = line.getValue();
      boolean baseline = rows.get(0).isBaseline();
      YIntervalSeries series = new YIntervalSeries(legend(report, rows.get(0)));
      for (BenchReport.Row row : rows) {
        double error = Double.isNaN(row.errorOpsPerSecond()) ? 0 : row.errorOpsPerSecond();
        double low = row.opsPerSecond() - error;
        // A bar reaching 0 or below runs to the bottom of the axis: "down to nothing".
        series.add(row.ranks(), row.opsPerSecond(), low > 0 ? low : bottom,
            row.opsPerSecond() + error);
        maxRanks = Math.max(maxRanks, row.ranks());
      }
      int index = dataset.getSeriesCount();
      dataset.addSeries(series);
      Paint paint;
      Shape shape;
      if (baseline) {
        // Grey, then black, then on down the palette from its end, away from the kernels' colours.
        paint = ChartStyle.color(Math.floorMod(7 - baselines, 8));
        shape = baselines % 2 == 0 ? new Rectangle2D.Double(-4.5, -4.5, 9, 9) : diamond(6);
        baselines++;
        renderer.setSeriesStroke(index, ChartStyle.DASHED);
      } else {
        paint = ChartStyle.color(kernels % 6);
        shape = new Ellipse2D.Double(-5, -5, 10, 10);
        kernels++;
        renderer.setSeriesStroke(index, ChartStyle.LINE);
      }
      renderer.setSeriesPaint(index, paint);
      renderer.setSeriesShape(index, shape);
      renderer.setSeriesShapesVisible(index, true);
      renderer.setSeriesLinesVisible(index, true);
    }

    NumberAxis x = ChartStyle.numberAxis("ranks K");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    int minRanks = report.rankCounts().get(0);
    x.setRange(minRanks - 0.5, maxRanks + 0.5);

    XYPlot plot = ChartStyle.plot(x, y);
    plot.setRangeMinorGridlinesVisible(true);
    plot.setRangeMinorGridlinePaint(ChartStyle.MINOR_GRID);
    plot.setRangeMinorGridlineStroke(new BasicStroke(1f));
    plot.setDataset(dataset);
    plot.setRenderer(renderer);
    List<String> devices = report.devices();
    String device = devices.size() == 1 ? devices.get(0) + " device"
        : "devices " + String.join(", ", devices);
    return ChartStyle.chart(BenchReport.TITLE, "JMH throughput, " + device
        + "; bars: JMH's 99.9% confidence interval; dashed: MPI baselines", plot);
  }

  /** Writes the chart of {@code report} to {@code outDir}/{@value #FILE_NAME}; returns it. */
  public static Path write(BenchReport report, Path outDir) throws IOException {
    return ChartStyle.save(build(report), outDir, FILE_NAME);
  }

  /** The lines to draw, by label: the kernels, then the baselines; points above 0 only. */
  private static Map<String, List<BenchReport.Row>> lines(BenchReport report) {
    Map<String, List<BenchReport.Row>> byLabel = new LinkedHashMap<>();
    List<BenchReport.Row> rows = new ArrayList<>(report.rows());
    rows.sort(Comparator.comparing(BenchReport.Row::isBaseline)
        .thenComparing(row -> baselineOrder(row.benchmark()))
        .thenComparing(report::label)
        .thenComparingInt(BenchReport.Row::ranks));
    for (BenchReport.Row row : rows) {
      if (row.opsPerSecond() > 0) {
        byLabel.computeIfAbsent(report.label(row), label -> new ArrayList<>()).add(row);
      }
    }
    return byLabel;
  }

  /** Ping-pong first among the baselines, the rest by name (0 for kernels, which keep theirs). */
  private static int baselineOrder(String benchmark) {
    return benchmark.equals(BenchReport.PING_PONG) ? 0
        : benchmark.equals(BenchReport.ALLREDUCE) ? 1 : 2;
  }

  /** "berkeley-round", "ping-pong (baseline, ranks 0↔1)", "download (niodev)", ... */
  private static String legend(BenchReport report, BenchReport.Row row) {
    List<String> notes = new ArrayList<>();
    if (report.devices().size() > 1) {
      notes.add(row.device());
    }
    switch (row.benchmark()) {
      case BenchReport.PING_PONG -> notes.add("baseline, ranks 0↔1");
      case BenchReport.ALLREDUCE -> notes.add("baseline, one double");
      default -> {
        if (row.isBaseline()) {
          notes.add("baseline");
        }
      }
    }
    return notes.isEmpty() ? row.benchmark()
        : row.benchmark() + " (" + String.join("; ", notes) + ")";
  }

  private static Shape diamond(double half) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, -half);
    path.lineTo(half, 0);
    path.lineTo(0, half);
    path.lineTo(-half, 0);
    path.closePath();
    return path;
  }
}
