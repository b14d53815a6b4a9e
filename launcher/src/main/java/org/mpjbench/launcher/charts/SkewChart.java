package org.mpjbench.launcher.charts;

import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Renders {@link SkewSeries}: Berkeley's true skew after each round (µs, logarithmic y axis)
 * against the round, one line per rank count. Skew 0 cannot go on a log axis: 1-rank runs (and
 * any round whose median skew is 0) are left out by {@link SkewSeries#from}, and the subtitle
 * says so.
 */
public final class SkewChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "berkeley-skew.png";

  private SkewChart() {}

  /**
   * The chart of {@code series}.
   *
   * @throws IllegalArgumentException when {@code series} is empty
   */
  public static JFreeChart build(List<SkewSeries> series) {
    ChartStyle.headless();
    if (series.stream().allMatch(one -> one.points().isEmpty())) {
      throw new IllegalArgumentException("no berkeley skew series to plot");
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    YIntervalSeriesCollection ranges = new YIntervalSeriesCollection();
    int lastRound = 1;
    for (SkewSeries one : series) {
      XYSeries xy = new XYSeries(one.label());
      YIntervalSeries range = new YIntervalSeries(one.label() + ": range of the runs");
      for (SkewSeries.Point point : one.points()) {
        if (!(point.medianSkewMicros() > 0)) {
          throw new IllegalArgumentException("skew must be above 0 on a log axis; round "
              + point.round() + " of " + one.label() + " has " + point.medianSkewMicros());
        }
        xy.add(point.round(), point.medianSkewMicros());
        lastRound = Math.max(lastRound, point.round());
        // A run whose clocks all agreed (skew 0) has no place on a log axis: the band then starts
        // at the median's decade floor, which the axis below shows as its bottom.
        double low = point.lowestSkewMicros() > 0 ? point.lowestSkewMicros()
            : Math.pow(10, Math.floor(Math.log10(point.medianSkewMicros())));
        range.add(point.round(), point.medianSkewMicros(), low, point.highestSkewMicros());
      }
      dataset.addSeries(xy);
      ranges.addSeries(range);
    }

    NumberAxis x = ChartStyle.numberAxis("round (0: before the first)");
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    int firstRound = series.stream().flatMap(s -> s.points().stream())
        .mapToInt(SkewSeries.Point::round).min().orElse(1);
    x.setRange(firstRound - 0.5, lastRound + 0.5);
    double lowest = IntStream.range(0, ranges.getSeriesCount())
        .mapToObj(ranges::getSeries).flatMapToDouble(r -> IntStream.range(0, r.getItemCount())
            .mapToDouble(((YIntervalSeries) r)::getYLowValue)).min().orElseThrow();
    double highest = IntStream.range(0, ranges.getSeriesCount())
        .mapToObj(ranges::getSeries).flatMapToDouble(r -> IntStream.range(0, r.getItemCount())
            .mapToDouble(((YIntervalSeries) r)::getYHighValue)).max().orElseThrow();
    DecadeAxis y = new DecadeAxis("true skew after the round (µs, log scale)", lowest, highest);
    ChartStyle.style(y);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.color(i));
      renderer.setSeriesStroke(i, ChartStyle.LINE);
      renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
    }
    XYPlot plot = ChartStyle.plot(x, y);
    ChartStyle.minorRangeGrid(plot);
    plot.setDataset(0, dataset);
    plot.setRenderer(0, renderer);
    // Behind the medians, each rank count's band from its best to its worst run of the round.
    plot.setDataset(1, ranges);
    plot.setRenderer(1, ChartStyle.bands(series.size()));
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return ChartStyle.chart("Berkeley: true clock skew after each round",
        "round 0: before the first round; lines: medians of the runs with the same rank count,"
            + " bands: their smallest to largest; 1-rank runs (skew 0) not shown", plot);
  }

  /** Writes the chart of {@code series} to {@code outDir}/{@value #FILE_NAME}; returns it. */
  public static Path write(List<SkewSeries> series, Path outDir) throws IOException {
    return ChartStyle.save(build(series), outDir, FILE_NAME);
  }

  /**
   * A base-10 log axis over whole decades (so that at least two ticks are labelled, however narrow
   * the data), labelled with plain numbers (0.1, 1, 10, 1,000) rather than 10^n, since readers
   * compare them with numbers in the text. Over at most three decades, 2 and 5 times each power
   * of ten are labelled too and the other multiples get light grid lines: with few decades, the
   * powers alone are too far apart to read a value off. JFreeChart's own LogAxis labels half
   * decades (3,162.278) or nothing at all over a narrow range.
   */
  static final class DecadeAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final int FINE_DECADES = 3;

    private final int lowestPower;
    private final int highestPower;
    private final DecimalFormat format =
        new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));

    DecadeAxis(String label, double lowest, double highest) {
      super(label);
      setBase(10);
      lowestPower = (int) Math.floor(Math.log10(lowest));
      int top = (int) Math.ceil(Math.log10(highest));
      highestPower = top > lowestPower ? top : lowestPower + 1;
      setRange(Math.pow(10, lowestPower), Math.pow(10, highestPower));
    }

    @Override
    protected List<ValueTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea,
        RectangleEdge edge) {
      boolean fine = highestPower - lowestPower <= FINE_DECADES;
      List<ValueTick> ticks = new ArrayList<>();
      for (int power = lowestPower; power <= highestPower; power++) {
        for (int multiple = 1; multiple <= 9; multiple++) {
          // BigDecimal: 3 x 10^-1 is 0.3, not 0.30000000000000004.
          double value = BigDecimal.valueOf(multiple).scaleByPowerOfTen(power).doubleValue();
          if (value > getUpperBound() * (1 + 1e-9)) {
            break;
          }
          boolean labelled = multiple == 1 || fine && (multiple == 2 || multiple == 5);
          if (labelled) {
            ticks.add(new NumberTick(TickType.MAJOR, value, format.format(value),
                TextAnchor.CENTER_RIGHT, TextAnchor.CENTER, 0));
          } else if (fine) {
            ticks.add(new NumberTick(TickType.MINOR, value, "", TextAnchor.CENTER_RIGHT,
                TextAnchor.CENTER, 0));
          }
        }
      }
      return ticks;
    }
  }
}
