package org.mpjbench.launcher.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mpjbench.kernels.spi.Expectation;
import org.mpjbench.launcher.report.KernelFigures;

/**
 * Renders the messages per operation of each algorithm kernel (y) against the rank count (x), one
 * series per kernel, and beside a kernel whose textbook gives a count ({@link
 * KernelFigures#expectation()}: Ricart-Agrawala's 2(K−1), Suzuki-Kasami's at most K) that count as
 * a wide pale band in the kernel's colour, under the measured points.
 */
public final class KernelMessagesChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "kernels-messages.png";

  /** The dataset of the measured points, drawn on top. */
  static final int MEASURED = 0;
  /** The dataset of the textbook's counts, drawn below as wide pale bands. */
  static final int TEXTBOOK = 1;

  private static final BasicStroke BAND =
      new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  private static final int BAND_ALPHA = 70;

  private KernelMessagesChart() {}

  /**
   * The chart of {@code data}.
   *
   * @throws IllegalArgumentException when no kernel has messages per operation to draw
   */
  public static JFreeChart build(KernelPoints data) {
    ChartStyle.headless();
    if (!data.hasMessages()) {
      throw new IllegalArgumentException("no messages per operation of any kernel to plot");
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    XYSeriesCollection textbook = new XYSeriesCollection();
    XYLineAndShapeRenderer bands = new XYLineAndShapeRenderer(true, false);
    double top = 1;
    int maxRanks = data.maxRanks();
    for (KernelPoints.Series one : data.series()) {
      KernelFigures kernel = one.kernel();
      XYSeries measured = KernelMarks.series(kernel.kernelName() + ", per " + kernel.operation(),
          one, KernelPoints.Point::messagesPerOperation);
      if (measured.isEmpty()) {
        continue;
      }
      top = Math.max(top, measured.getMaxY());
      KernelMarks.measured(renderer, dataset.getSeriesCount(), kernel);
      dataset.addSeries(measured);
      Expectation expectation = kernel.expectation();
      if (expectation != null) {
        XYSeries expected = new XYSeries(kernel.kernelName() + ": " + expectation.formula()
            + " (textbook)");
        for (int k = 1; k <= maxRanks; k++) {
          double value = expectation.perRanks().applyAsDouble(k);
          expected.add(KernelMarks.x(kernel, k), value);
          top = Math.max(top, value);
        }
        Color color = (Color) KernelMarks.paint(kernel);
        bands.setSeriesPaint(textbook.getSeriesCount(),
            new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA));
        bands.setSeriesStroke(textbook.getSeriesCount(), BAND);
        textbook.addSeries(expected);
      }
    }
    NumberAxis y = ChartStyle.numberAxis("messages per operation");
    y.setRange(0, Math.ceil(top * 1.08 + 0.5));
    XYPlot plot = ChartStyle.plot(KernelMarks.ranksAxis(maxRanks), y);
    plot.setDataset(MEASURED, dataset);
    plot.setRenderer(MEASURED, renderer);
    plot.setDataset(TEXTBOOK, textbook);
    plot.setRenderer(TEXTBOOK, bands);
    // The bands first, so that the measured points that lie on them stay on top.
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
    return ChartStyle.chart("Algorithm kernels: messages per operation",
        "medians of the runs per rank count, nudged sideways to keep equal values apart;"
            + " pale bands: the textbook's count", plot);
  }

  /** Writes the chart of {@code data} to {@code outDir}/{@value #FILE_NAME}; returns the file. */
  public static Path write(KernelPoints data, Path outDir) throws IOException {
    return ChartStyle.save(build(data), outDir, FILE_NAME);
  }
}
