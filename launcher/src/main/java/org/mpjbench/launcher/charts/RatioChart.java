package org.mpjbench.launcher.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The ratios of a comparison of two result folders ({@code mpjbench compare}): one horizontal
 * line per figure, its ratio B/A as a dot and its confidence interval as a bar, on a log axis with
 * a line at 1 (no change), coloured by verdict. Its data is a list of {@link Bar}s, so that this
 * package knows nothing of the comparison.
 */
public final class RatioChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "compare-ratios.png";

  /** Rows beyond which the labels get smaller, to stay readable in the fixed height. */
  private static final int MANY_ROWS = 24;
  /** A range of ratios, highest over lowest, beyond which the ticks are powers of 10, not 2. */
  private static final double WIDE_RANGE = 1_000;

  private RatioChart() {}

  /** How a bar is coloured. */
  public enum Tone {
    /** B is faster. */
    FASTER,
    /** B is slower. */
    SLOWER,
    /** No difference shown. */
    SAME
  }

  /**
   * One figure's ratio.
   *
   * @param label the row's name, e.g. "berkeley K=4 median_round_ns (lower)"
   * @param ratio B/A, above 0
   * @param low the interval's lower end; NaN when there is none (then only the dot is drawn)
   * @param high its upper end; NaN when there is none
   * @param tone its verdict
   */
  public record Bar(String label, double ratio, double low, double high, Tone tone) {}

  /**
   * The chart of {@code bars}.
   *
   * @throws IllegalArgumentException when there is no bar with a ratio above 0 to draw
   */
  public static JFreeChart build(List<Bar> bars, String subtitle) {
    ChartStyle.headless();
    List<Bar> drawn = bars.stream().filter(b -> b.ratio() > 0 && Double.isFinite(b.ratio()))
        .toList();
    if (drawn.isEmpty()) {
      throw new IllegalArgumentException("no ratio above 0 to draw");
    }
    YIntervalSeries faster = new YIntervalSeries("B faster");
    YIntervalSeries slower = new YIntervalSeries("B slower");
    YIntervalSeries same = new YIntervalSeries("no difference shown");
    String[] labels = new String[drawn.size()];
    double lowest = 1;
    double highest = 1;
    for (int i = 0; i < drawn.size(); i++) {
      Bar bar = drawn.get(i);
      // The first row at the top: the axis counts upwards.
      int at = drawn.size() - 1 - i;
      labels[at] = bar.label();
      boolean interval = Double.isFinite(bar.low()) && Double.isFinite(bar.high())
          && bar.low() > 0;
      double low = interval ? bar.low() : bar.ratio();
      double high = interval ? bar.high() : bar.ratio();
      lowest = Math.min(lowest, low);
      highest = Math.max(highest, high);
      YIntervalSeries series = switch (bar.tone()) {
        case FASTER -> faster;
        case SLOWER -> slower;
        case SAME -> same;
      };
      series.add(at, bar.ratio(), low, high);
    }
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(faster);
    dataset.addSeries(slower);
    dataset.addSeries(same);

    SymbolAxis rows = new SymbolAxis(null, labels);
    ChartStyle.style(rows);
    if (drawn.size() > MANY_ROWS) {
      rows.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, drawn.size() > 48 ? 8 : 11));
    }
    rows.setGridBandsVisible(false);
    rows.setRange(-0.7, drawn.size() - 0.3);
    LogAxis ratio = new LogAxis("ratio B/A (log scale; 1 = no change)");
    ChartStyle.style(ratio);
    ratio.setSmallestValue(1e-9);
    ratio.setRange(lowest / 1.25, highest * 1.25);
    // Ticks at powers of 2 (0.5, 1, 2), or of 10 over a wide range, as plain numbers, not 10^x:
    // the factors a reader says "twice as slow" in.
    ratio.setAutoTickUnitSelection(false);
    ratio.setTickUnit(new NumberTickUnit(Math.log10(highest / lowest > WIDE_RANGE ? 10 : 2)));
    ratio.setNumberFormatOverride(new DecimalFormat("0.######",
        DecimalFormatSymbols.getInstance(Locale.ROOT)));
    ratio.setMinorTickMarksVisible(true);

    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setErrorStroke(new BasicStroke(3f));
    renderer.setCapLength(6);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    for (int series = 0; series < 3; series++) {
      renderer.setSeriesShape(series, new Ellipse2D.Double(-5, -5, 10, 10));
    }
    renderer.setSeriesPaint(0, ChartStyle.color(2));
    renderer.setSeriesPaint(1, ChartStyle.color(1));
    renderer.setSeriesPaint(2, ChartStyle.REFERENCE);

    XYPlot plot = ChartStyle.plot(rows, ratio);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setDataset(dataset);
    plot.setRenderer(renderer);
    ValueMarker one = new ValueMarker(1, Color.BLACK, ChartStyle.DASHED);
    plot.addRangeMarker(one);
    return ChartStyle.chart("Ratio B/A per figure", subtitle, plot);
  }

  /** Writes the chart of {@code bars} to {@code outDir}/{@value #FILE_NAME}; returns the file. */
  public static Path write(List<Bar> bars, String subtitle, Path outDir) throws IOException {
    return ChartStyle.save(build(bars, subtitle), outDir, FILE_NAME);
  }
}
