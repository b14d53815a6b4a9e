package org.mpjbench.launcher.charts;

import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Renders {@link SpeedupPoints}: speedup (y) against ranks (x), measured and luck-free, with the
 * ideal K as a dashed line and the coupon-collector bound as hollow diamonds (which sit on it).
 */
public final class SpeedupChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "download-speedup.png";

  private static final int MEASURED = 0;
  private static final int LUCK_FREE = 1;
  private static final int IDEAL = 2;
  private static final int BOUND = 3;

  private SpeedupChart() {}

  /** The chart of {@code data}. */
  public static JFreeChart build(SpeedupPoints data) {
    ChartStyle.headless();
    XYSeries measured = new XYSeries("measured: median T(1) / median T(K)");
    XYSeries luckFree = new XYSeries("luck-free: K · median E(K) / median E(1)");
    XYSeries ideal = new XYSeries("ideal: K");
    XYSeries bound = new XYSeries("coupon-collector bound: bound(1) / bound(K)");
    YIntervalSeries measuredRange = new YIntervalSeries("measured: range of the runs");
    YIntervalSeries luckFreeRange = new YIntervalSeries("luck-free: range of the runs");
    double top = data.maxRanks();
    for (SpeedupPoints.Point point : data.points()) {
      measured.add(point.ranks(), point.measured());
      luckFree.add(point.ranks(), point.luckFree());
      bound.add(point.ranks(), point.bound());
      measuredRange.add(point.ranks(), point.measured(), point.measuredLow(),
          point.measuredHigh());
      luckFreeRange.add(point.ranks(), point.luckFree(), point.luckFreeLow(),
          point.luckFreeHigh());
      top = Math.max(top, Math.max(Math.max(point.measuredHigh(), point.luckFreeHigh()),
          point.bound()));
    }
    YIntervalSeriesCollection ranges = new YIntervalSeriesCollection();
    ranges.addSeries(measuredRange);
    ranges.addSeries(luckFreeRange);
    for (int k = 1; k <= data.maxRanks(); k++) {
      ideal.add(k, k);
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(measured);
    dataset.addSeries(luckFree);
    dataset.addSeries(ideal);
    dataset.addSeries(bound);

    NumberAxis x = ChartStyle.numberAxis("ranks K");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    x.setRange(0.5, data.maxRanks() + 0.5);
    NumberAxis y = ChartStyle.numberAxis("speedup over 1 rank");
    y.setRange(0, Math.ceil(top * 1.1 + 0.2));

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    style(renderer, MEASURED, ChartStyle.color(0), true, new Ellipse2D.Double(-5, -5, 10, 10));
    style(renderer, LUCK_FREE, ChartStyle.color(1), true, new Rectangle2D.Double(-4.5, -4.5, 9, 9));
    renderer.setSeriesPaint(IDEAL, ChartStyle.REFERENCE);
    renderer.setSeriesStroke(IDEAL, ChartStyle.DASHED);
    renderer.setSeriesShapesVisible(IDEAL, false);
    style(renderer, BOUND, ChartStyle.color(2), false, ChartStyle.diamond(8));
    renderer.setSeriesShapesFilled(BOUND, false);
    renderer.setSeriesOutlineStroke(BOUND, ChartStyle.LINE);
    renderer.setUseOutlinePaint(false);
    renderer.setDrawOutlines(true);

    XYPlot plot = ChartStyle.plot(x, y);
    plot.setDataset(0, dataset);
    plot.setRenderer(0, renderer);
    // Behind the medians: each rank count's runs from the lowest to the highest (colours 0 and 1,
    // the measured and luck-free lines').
    plot.setDataset(1, ranges);
    plot.setRenderer(1, ChartStyle.bands(2));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return ChartStyle.chart("Download: speedup over one rank", data.setup().describe()
        + "; lines: medians of the runs of each rank count, bands: their lowest to highest",
        plot);
  }

  /** Writes the chart of {@code data} to {@code outDir}/{@value #FILE_NAME}; returns the file. */
  public static Path write(SpeedupPoints data, Path outDir) throws IOException {
    return ChartStyle.save(build(data), outDir, FILE_NAME);
  }

  private static void style(XYLineAndShapeRenderer renderer, int series, java.awt.Paint paint,
      boolean lines, Shape shape) {
    renderer.setSeriesPaint(series, paint);
    renderer.setSeriesStroke(series, ChartStyle.LINE);
    renderer.setSeriesLinesVisible(series, lines);
    renderer.setSeriesShapesVisible(series, true);
    renderer.setSeriesShape(series, shape);
  }
}
