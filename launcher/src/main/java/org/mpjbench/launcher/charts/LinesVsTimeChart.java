package org.mpjbench.launcher.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Renders {@link LinesVsTime}: distinct lines known to rank 0 (y) against seconds (x), one line
 * per rank count, with a dashed line at the file's N lines where every curve must end.
 */
public final class LinesVsTimeChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "download-lines-vs-time.png";

  private LinesVsTimeChart() {}

  /** The chart of {@code data}. */
  public static JFreeChart build(LinesVsTime data) {
    ChartStyle.headless();
    XYSeriesCollection dataset = new XYSeriesCollection();
    double lastSeconds = 0;
    for (LinesVsTime.Curve curve : data.curves()) {
      // Kept in time order as recorded, and duplicates allowed: the series is the run's, as is.
      XYSeries series = new XYSeries(curve.label(), false, true);
      for (LinesVsTime.Point point : curve.points()) {
        series.add(point.seconds(), point.distinctLines());
        lastSeconds = Math.max(lastSeconds, point.seconds());
      }
      dataset.addSeries(series);
    }

    NumberAxis x = ChartStyle.numberAxis("time since the download started (s)");
    x.setAutoRangeIncludesZero(true);
    x.setLowerMargin(0);
    x.setUpperMargin(0.03);
    if (lastSeconds <= 0) {
      x.setRange(0, 1);
    }
    int lineCount = data.setup().lineCount();
    NumberAxis y = ChartStyle.numberAxis("distinct lines known to rank 0");
    // Room above N for the marker's label; N itself is the top of every curve.
    y.setRange(0, lineCount * 1.08);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    List<LinesVsTime.Curve> curves = data.curves();
    for (int i = 0; i < curves.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.color(i));
      renderer.setSeriesStroke(i, ChartStyle.LINE);
    }
    XYPlot plot = ChartStyle.plot(x, y);
    plot.setDataset(dataset);
    plot.setRenderer(renderer);

    ValueMarker all = new ValueMarker(lineCount, ChartStyle.REFERENCE, ChartStyle.DASHED);
    all.setLabel("all " + lineCount + " lines");
    all.setLabelFont(ChartStyle.MARKER_FONT);
    all.setLabelPaint(ChartStyle.REFERENCE);
    all.setLabelBackgroundColor(new Color(0, 0, 0, 0));
    all.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
    all.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    all.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    plot.addRangeMarker(all, Layer.BACKGROUND);

    return ChartStyle.chart("Download: lines known to rank 0 over time",
        data.setup().describe() + "; for each rank count, its run with the median time T",
        plot);
  }

  /** Writes the chart of {@code data} to {@code outDir}/{@value #FILE_NAME}; returns the file. */
  public static Path write(LinesVsTime data, Path outDir) throws IOException {
    return ChartStyle.save(build(data), outDir, FILE_NAME);
  }
}
