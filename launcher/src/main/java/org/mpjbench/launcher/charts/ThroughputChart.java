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
import java.util.function.Predicate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mpjbench.launcher.bench.BenchReport;

/**
 * Renders a {@link BenchReport} as two charts: operations per second (logarithmic y axis, whole
 * decades as in {@link SkewChart}) against the number of ranks K, one line per benchmark with
 * JMH's error as bars. {@value #FILE_NAME} holds every benchmark but the kernel runs, {@value
 * #KERNELS_FILE_NAME} the kernel runs (a dozen lines, each its own colour and marker) with the
 * ping-pong beside them. The baselines, ping-pong and allreduce, are dashed (grey, then black)
 * lines: references to read the kernels against, not kernels themselves. Results of 0 ops/s have
 * no place on a log axis and are left out.
 */
public final class ThroughputChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "throughput.png";
  /** The kernel runs' PNG's file name. */
  public static final String KERNELS_FILE_NAME = "kernel-throughput.png";
  /** The kernel runs' chart's title. */
  public static final String KERNELS_TITLE = "Kernel runs on MPJ Express ranks";

  /** The kernels' markers, in turn: a circle, a triangle pointing up, one pointing down. */
  private static final Shape[] KERNEL_MARKERS = {
    new Ellipse2D.Double(-5, -5, 10, 10), triangle(6, true), triangle(6, false)};

  /** Solid even on the dashed lines: without it, the bars would take their line's stroke. */
  private static final BasicStroke ERROR_BAR = new BasicStroke(1.5f);

  private ThroughputChart() {}

  /**
   * The chart of {@code report}'s benchmarks other than the kernel runs.
   *
   * @throws IllegalArgumentException "no benchmark results to plot" when there are none (or every
   *     score is 0)
   */
  public static JFreeChart build(BenchReport report) {
    Map<String, List<BenchReport.Row>> lines = lines(report, row -> !row.kernelRun());
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("no benchmark results to plot");
    }
    return chart(report, lines, BenchReport.TITLE, "JMH throughput", "MPI baselines");
  }

  /**
   * The chart of {@code report}'s kernel runs, with the ping-pong as the reference.
   *
   * @throws IllegalArgumentException "no kernel runs to plot" when there are none (or every score
   *     is 0)
   */
  public static JFreeChart buildKernelRuns(BenchReport report) {
    if (lines(report, BenchReport.Row::kernelRun).isEmpty()) {
      throw new IllegalArgumentException("no kernel runs to plot");
    }
    return chart(report, lines(report, row -> row.kernelRun()
        || row.benchmark().equals(BenchReport.PING_PONG)), KERNELS_TITLE,
        "one operation: a whole default run of the kernel", "ping-pong");
  }

  private static JFreeChart chart(BenchReport report, Map<String, List<BenchReport.Row>> lines,
      String title, String what, String dashed) {
    ChartStyle.headless();
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
        shape = baselines % 2 == 0 ? new Rectangle2D.Double(-4.5, -4.5, 9, 9) : ChartStyle.diamond(6);
        baselines++;
        renderer.setSeriesStroke(index, ChartStyle.DASHED);
      } else {
        // Six colours, then the same six with the next marker: a dozen kernel runs stay apart.
        paint = ChartStyle.color(kernels % 6);
        shape = KERNEL_MARKERS[(kernels / 6) % KERNEL_MARKERS.length];
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
    return ChartStyle.chart(title, what + ", " + device
        + "; bars: JMH's 99.9% confidence interval; dashed: " + dashed, plot);
  }

  /** Writes the chart of {@code report} to {@code outDir}/{@value #FILE_NAME}; returns it. */
  public static Path write(BenchReport report, Path outDir) throws IOException {
    return ChartStyle.save(build(report), outDir, FILE_NAME);
  }

  /**
   * Writes every chart {@code report} has data for: {@value #FILE_NAME} when it has benchmarks
   * other than kernel runs, {@value #KERNELS_FILE_NAME} when it has kernel runs; returns them.
   *
   * @throws IllegalArgumentException "no benchmark results to plot" when it has none
   */
  public static List<Path> writeAll(BenchReport report, Path outDir) throws IOException {
    List<Path> written = new ArrayList<>();
    if (!lines(report, row -> !row.kernelRun()).isEmpty()) {
      written.add(write(report, outDir));
    }
    if (!lines(report, BenchReport.Row::kernelRun).isEmpty()) {
      written.add(ChartStyle.save(buildKernelRuns(report), outDir, KERNELS_FILE_NAME));
    }
    if (written.isEmpty()) {
      throw new IllegalArgumentException("no benchmark results to plot");
    }
    return List.copyOf(written);
  }

  /**
   * The lines to draw of the rows {@code chosen}, by label: the kernels, then the baselines;
   * points above 0 only.
   */
  private static Map<String, List<BenchReport.Row>> lines(BenchReport report,
      Predicate<BenchReport.Row> chosen) {
    Map<String, List<BenchReport.Row>> byLabel = new LinkedHashMap<>();
    List<BenchReport.Row> rows = new ArrayList<>(report.rows());
    rows.removeIf(chosen.negate());
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

  private static Shape triangle(double half, boolean up) {
    double tip = up ? -half : half;
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, tip);
    path.lineTo(half, -tip);
    path.lineTo(-half, -tip);
    path.closePath();
    return path;
  }
}
