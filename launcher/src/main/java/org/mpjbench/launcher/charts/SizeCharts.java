package org.mpjbench.launcher.charts;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mpjbench.launcher.bench.SizeReport;

/**
 * The OSU-style baselines by message size ({@link SizeReport}), log-log: {@value
 * #LATENCY_FILE_NAME}, the median latency of every operation against the size (a colour per
 * operation, a marker and dash per rank count; a second device, such as the native reference, in
 * hollow markers on a thin line), and {@value #BANDWIDTH_FILE_NAME}, the bandwidth
 * against the size (one line per rank count).
 */
public final class SizeCharts {
  /** The latency chart's file name. */
  public static final String LATENCY_FILE_NAME = "bench-latency-by-size.png";
  /** The bandwidth chart's file name. */
  public static final String BANDWIDTH_FILE_NAME = "bench-bandwidth-by-size.png";

  private static final Shape[] MARKERS = {new Ellipse2D.Double(-4, -4, 8, 8),
    new Rectangle2D.Double(-4, -4, 8, 8), ChartStyle.diamond(5), new Ellipse2D.Double(-2, -2, 4,
        4)};
  private static final Stroke[] STROKES = {ChartStyle.LINE,
    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8, 4}, 0),
    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2, 3}, 0),
    new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {8, 3, 2, 3}, 0)};

  /** The line of a device after the first (sorted): the native reference beside MPJ's. */
  private static final Stroke OTHER_DEVICE = new BasicStroke(1f);

  private SizeCharts() {}

  /** One point of a line: a message size and its figure (µs, or MB/s). */
  public record Point(int bytes, double value) {}

  /**
   * One line of a chart.
   *
   * @param label its legend entry: "bcast K=4", or "K=2" in the bandwidth chart ("bibw K=2"
   *     when it has both bandwidths; with the device when there are several)
   * @param operation the operation
   * @param ranks K
   * @param device the MPJ device, or the native reference's ({@code native-openmpi})
   * @param points by size, values above 0 only
   */
  public record Line(String label, String operation, int ranks, String device,
      List<Point> points) {}

  /** The latency chart's lines: every operation but bandwidth, per K, median µs by size. */
  public static List<Line> latencyLines(SizeReport report) {
    return lines(report, report.latencyRows(), false);
  }

  /**
   * The bandwidth chart's lines: per K, MB/s by size; bibw's beside bandwidth's when the report
   * has both (then each label names its operation).
   */
  public static List<Line> bandwidthLines(SizeReport report) {
    return lines(report, report.rows().stream().filter(SizeReport.Row::isBandwidth).toList(),
        true);
  }

  private static List<Line> lines(SizeReport report, List<SizeReport.Row> rows,
      boolean bandwidth) {
    boolean devices = report.devices().size() > 1;
    boolean named = !bandwidth
        || rows.stream().map(SizeReport.Row::operation).distinct().count() > 1;
    Map<String, List<SizeReport.Row>> byLine = new LinkedHashMap<>();
    for (SizeReport.Row row : rows) {
      String label = (named ? row.operation() + " " : "") + "K=" + row.ranks()
          + (devices ? " (" + row.device() + ")" : "");
      byLine.computeIfAbsent(label, key -> new ArrayList<>()).add(row);
    }
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, List<SizeReport.Row>> line : byLine.entrySet()) {
      List<Point> points = new ArrayList<>();
      for (SizeReport.Row row : line.getValue()) {
        double value = bandwidth ? row.mbPerSecond() : row.medianUs();
        if (value > 0 && Double.isFinite(value)) {
          points.add(new Point(row.bytes(), value));
        }
      }
      if (!points.isEmpty()) {
        SizeReport.Row first = line.getValue().get(0);
        lines.add(new Line(line.getKey(), first.operation(), first.ranks(), first.device(),
            List.copyOf(points)));
      }
    }
    return List.copyOf(lines);
  }

  /**
   * Writes the charts {@code report} has data for into {@code outDir}; returns them.
   *
   * @throws IllegalArgumentException when it has nothing to draw
   */
  public static List<Path> writeAll(SizeReport report, Path outDir) throws IOException {
    List<Path> written = new ArrayList<>();
    List<Line> latency = latencyLines(report);
    if (!latency.isEmpty()) {
      written.add(ChartStyle.save(build(latency, report, false), outDir, LATENCY_FILE_NAME));
    }
    List<Line> bandwidth = bandwidthLines(report);
    if (!bandwidth.isEmpty()) {
      written.add(ChartStyle.save(build(bandwidth, report, true), outDir, BANDWIDTH_FILE_NAME));
    }
    if (written.isEmpty()) {
      throw new IllegalArgumentException("no results by message size to plot");
    }
    return List.copyOf(written);
  }

  /** The chart of {@code lines}: latency (µs) or bandwidth (MB/s) against size, log-log. */
  static JFreeChart build(List<Line> lines, SizeReport report, boolean bandwidth) {
    ChartStyle.headless();
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    List<String> operations = SizeReport.OPERATIONS;
    List<Integer> rankCounts = lines.stream().map(Line::ranks).distinct().sorted().toList();
    double lowest = Double.POSITIVE_INFINITY;
    double highest = 0;
    int smallest = Integer.MAX_VALUE;
    int largest = 1;
    for (Line line : lines) {
      XYSeries series = new XYSeries(line.label(), true, false);
      for (Point point : line.points()) {
        series.add(point.bytes(), point.value());
        lowest = Math.min(lowest, point.value());
        highest = Math.max(highest, point.value());
        smallest = Math.min(smallest, point.bytes());
        largest = Math.max(largest, point.bytes());
      }
      int index = dataset.getSeriesCount();
      dataset.addSeries(series);
      int k = rankCounts.indexOf(line.ranks());
      renderer.setSeriesPaint(index, ChartStyle.color(bandwidth ? k
          : Math.max(0, operations.indexOf(line.operation()))));
      renderer.setSeriesShape(index, MARKERS[k % MARKERS.length]);
      // Bandwidth: a colour per K, bibw dashed beside bandwidth's solid line.
      renderer.setSeriesStroke(index, !bandwidth ? STROKES[k % STROKES.length]
          : line.operation().equals(SizeReport.BANDWIDTH) ? ChartStyle.LINE : ChartStyle.DASHED);
      if (report.devices().indexOf(line.device()) > 0) {
        // A second device (the native reference beside an MPJ device): hollow markers, thin line.
        renderer.setSeriesShapesFilled(index, false);
        renderer.setSeriesStroke(index, OTHER_DEVICE);
      }
    }
    LogAxis x = new LogAxis("message size (bytes, log scale)");
    ChartStyle.style(x);
    x.setBase(2);
    x.setSmallestValue(1);
    x.setRange(Math.max(0.5, smallest / 1.5), largest * 1.5);
    x.setAutoTickUnitSelection(false);
    double octaves = Math.log(largest / (double) smallest) / Math.log(2);
    x.setTickUnit(new NumberTickUnit(octaves > 12 ? 4 : octaves > 6 ? 2 : 1));
    x.setNumberFormatOverride(new BytesFormat());
    SkewChart.DecadeAxis y = new SkewChart.DecadeAxis(bandwidth
        ? "bandwidth (MB/s, log scale)" : "median latency (µs, log scale)", lowest, highest);
    ChartStyle.style(y);
    XYPlot plot = ChartStyle.plot(x, y);
    ChartStyle.minorRangeGrid(plot);
    plot.setDataset(dataset);
    plot.setRenderer(renderer);
    String devices = String.join(", ", report.devices());
    String subtitle = bandwidth
        ? "osu_bw: 64 non-blocking sends of the size from rank 0 to rank 1, then an ack; MB/s"
            + " over the median window; " + devices
        : "median of the timed iterations; latency: half a ping-pong between ranks 0 and 1;"
            + " collectives: the slowest rank after a barrier; " + devices;
    return ChartStyle.chart(bandwidth ? "MPI bandwidth by message size"
        : "MPI latency by message size", subtitle, plot);
  }

  /** Sizes as people write them: 1 B, 16 B, 4 KiB, 1 MiB. */
  private static final class BytesFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      long bytes = Math.round(number);
      return bytes >= 1 && bytes <= Integer.MAX_VALUE
          ? to.append(SizeReport.bytesText((int) bytes)) : to.append(number);
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      return null;
    }
  }
}
