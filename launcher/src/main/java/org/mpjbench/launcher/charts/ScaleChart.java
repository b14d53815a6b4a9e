package org.mpjbench.launcher.charts;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Renders {@link ScalePoints} against K on a base-2 axis, in up to three panels: a Berkeley round
 * in MPI round trips beside its sequential bound (log scale), the download's efficiency E beside
 * the ideal 1, and rank 0's median time per exchange (log scale). Medians as lines, the runs'
 * lowest to highest as bands.
 */
public final class ScaleChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "scale.png";

  private ScaleChart() {}

  /**
   * The chart of {@code data}.
   *
   * @throws IllegalArgumentException when there is nothing to draw
   */
  public static JFreeChart build(ScalePoints data) {
    ChartStyle.headless();
    if (data.berkeley().isEmpty() && data.download().isEmpty()) {
      throw new IllegalArgumentException("no berkeley or download runs to draw against K");
    }
    LogAxis x = new LogAxis("ranks K (log scale)");
    x.setBase(2);
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setNumberFormatOverride(new java.text.DecimalFormat("0"));
    ChartStyle.style(x);
    int lowest = Integer.MAX_VALUE;
    int highest = 1;
    for (List<ScalePoints.Point> points : List.of(data.berkeley(), data.download())) {
      for (ScalePoints.Point point : points) {
        lowest = Math.min(lowest, point.ranks());
        highest = Math.max(highest, point.ranks());
      }
    }
    x.setRange(Math.max(lowest, 1) / 1.3, highest * 1.3);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
    combined.setGap(12);
    if (!data.berkeley().isEmpty()) {
      combined.add(panel(data.berkeley(), "round (round trips)",
          "Berkeley round in MPI round trips, median", "its sequential bound (K−1)·samples+1",
          true, 0), 3);
    }
    if (!data.download().isEmpty()) {
      XYPlot efficiency = panel(data.download(), "E", "download E, median", null, false, 1);
      ((NumberAxis) efficiency.getRangeAxis()).setRange(0, 1.1);
      combined.add(efficiency, 2);
      XYSeries exchange = new XYSeries("download: rank 0's median time per exchange");
      data.download().forEach(p -> exchange.add(p.ranks(), p.bound()));
      LogAxis micros = decades("exchange (µs)", exchange.getMinY(), exchange.getMaxY());
      XYPlot exchangePlot = ChartStyle.plot(null, micros);
      exchangePlot.setDataset(new XYSeriesCollection(exchange));
      exchangePlot.setRenderer(lines(2));
      combined.add(exchangePlot, 2);
    }
    return ChartStyle.chart("How a round, an exchange and E scale with K",
        "medians of the runs of each rank count, bands: their lowest to highest", combined);
  }

  /** Writes the chart of {@code data} to {@code outDir}/{@value #FILE_NAME}; returns the file. */
  public static Path write(ScalePoints data, Path outDir) throws IOException {
    return ChartStyle.save(build(data), outDir, FILE_NAME);
  }

  private static XYPlot panel(List<ScalePoints.Point> points, String axisLabel, String label,
      String boundLabel, boolean logScale, int colour) {
    XYSeries medians = new XYSeries(label);
    XYSeries bounds = new XYSeries(boundLabel == null ? "ideal" : boundLabel);
    YIntervalSeries range = new YIntervalSeries(label + ": range");
    for (ScalePoints.Point point : points) {
      medians.add(point.ranks(), point.median());
      range.add(point.ranks(), point.median(), point.low(), point.high());
      if (boundLabel != null && Double.isFinite(point.bound())) {
        bounds.add(point.ranks(), point.bound());
      }
    }
    XYSeriesCollection dataset = new XYSeriesCollection(medians);
    if (boundLabel != null && bounds.getItemCount() > 0) {
      dataset.addSeries(bounds);
    }
    double lowest = points.stream().mapToDouble(p -> Math.min(p.low(),
        Double.isFinite(p.bound()) && boundLabel != null ? p.bound() : p.low())).min()
        .orElseThrow();
    double highest = points.stream().mapToDouble(p -> Math.max(p.high(),
        Double.isFinite(p.bound()) && boundLabel != null ? p.bound() : p.high())).max()
        .orElseThrow();
    XYPlot plot = ChartStyle.plot(null, logScale ? decades(axisLabel, lowest, highest)
        : ChartStyle.numberAxis(axisLabel));
    plot.setDataset(0, dataset);
    XYLineAndShapeRenderer renderer = lines(colour);
    renderer.setSeriesPaint(1, ChartStyle.REFERENCE);
    renderer.setSeriesStroke(1, ChartStyle.DASHED);
    renderer.setSeriesShapesVisible(1, false);
    plot.setRenderer(0, renderer);
    YIntervalSeriesCollection ranges = new YIntervalSeriesCollection();
    ranges.addSeries(range);
    plot.setDataset(1, ranges);
    org.jfree.chart.renderer.xy.DeviationRenderer band = ChartStyle.bands(colour + 1);
    band.setSeriesFillPaint(0, ChartStyle.color(colour));
    plot.setRenderer(1, band);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return plot;
  }

  /** A log axis over whole decades, labelled with plain numbers (as the skew chart's). */
  private static LogAxis decades(String label, double lowest, double highest) {
    LogAxis axis = new SkewChart.DecadeAxis(label, Math.max(lowest, 1e-3), Math.max(highest,
        1e-3));
    ChartStyle.style(axis);
    return axis;
  }

  private static XYLineAndShapeRenderer lines(int colour) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, ChartStyle.color(colour));
    renderer.setSeriesStroke(0, ChartStyle.LINE);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
    return renderer;
  }
}
