package org.mpjbench.launcher.charts;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mpjbench.launcher.report.KernelFigures;

/**
 * Renders the median latency of one operation of each algorithm kernel (milliseconds, log scale)
 * against the rank count, one series per kernel, its legend saying what is timed; beside them, as
 * the reference, the plain MPI ping-pong measured in the same runs (grey, dashed). Latencies of 0
 * (no operation timed) have no place on a log axis and are left out.
 */
public final class KernelLatencyChart {
  /** The PNG's file name. */
  public static final String FILE_NAME = "kernels-latency.png";

  private static final double NANOS_PER_MILLI = 1e6;

  private KernelLatencyChart() {}

  /**
   * The chart of {@code data}.
   *
   * @throws IllegalArgumentException when no kernel has a latency above 0 to draw
   */
  public static JFreeChart build(KernelPoints data) {
    ChartStyle.headless();
    if (!data.hasLatency()) {
      throw new IllegalArgumentException("no latency of any kernel to plot");
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    double lowest = Double.MAX_VALUE;
    double highest = 0;
    for (KernelPoints.Series one : data.series()) {
      KernelFigures kernel = one.kernel();
      XYSeries measured = KernelMarks.series(kernel.kernelName() + ": " + kernel.latencyMeaning(),
          one, point -> point.medianLatencyNanos() == null || point.medianLatencyNanos() <= 0
              ? null : point.medianLatencyNanos() / NANOS_PER_MILLI);
      if (!measured.isEmpty()) {
        lowest = Math.min(lowest, measured.getMinY());
        highest = Math.max(highest, measured.getMaxY());
        KernelMarks.measured(renderer, dataset.getSeriesCount(), kernel);
        dataset.addSeries(measured);
      }
    }
    if (!data.baseline().isEmpty()) {
      XYSeries baseline = new XYSeries("reference: MPI ping-pong in the same runs");
      for (KernelPoints.Baseline point : data.baseline()) {
        double millis = point.roundTripNanos() / NANOS_PER_MILLI;
        baseline.add(point.ranks(), millis);
        lowest = Math.min(lowest, millis);
        highest = Math.max(highest, millis);
      }
      int index = dataset.getSeriesCount();
      renderer.setSeriesPaint(index, ChartStyle.REFERENCE);
      renderer.setSeriesStroke(index, ChartStyle.DASHED);
      renderer.setSeriesShapesVisible(index, baseline.getItemCount() == 1);
      dataset.addSeries(baseline);
    }
    SkewChart.DecadeAxis y =
        new SkewChart.DecadeAxis("median latency of one operation (ms, log scale)", lowest,
            highest);
    ChartStyle.style(y);
    XYPlot plot = ChartStyle.plot(KernelMarks.ranksAxis(data.maxRanks()), y);
    ChartStyle.minorRangeGrid(plot);
    plot.setDataset(dataset);
    plot.setRenderer(renderer);
    return ChartStyle.chart("Algorithm kernels: latency of one operation",
        "medians of the runs per rank count, nudged sideways to keep equal values apart;"
            + " dashed: the MPI ping-pong", plot);
  }

  /** Writes the chart of {@code data} to {@code outDir}/{@value #FILE_NAME}; returns the file. */
  public static Path write(KernelPoints data, Path outDir) throws IOException {
    return ChartStyle.save(build(data), outDir, FILE_NAME);
  }
}
