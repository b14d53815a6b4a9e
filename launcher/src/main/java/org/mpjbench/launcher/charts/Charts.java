package org.mpjbench.launcher.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.report.KernelFigures;

/**
 * Draws every chart a set of runs has data for:
 *
 * <ol>
 *   <li>{@value LinesVsTimeChart#FILE_NAME}: download, lines known to rank 0 over time, per K;
 *   <li>{@value SpeedupChart#FILE_NAME}: download, speedup over 1 rank (needs 1-rank runs);
 *   <li>{@value SkewChart#FILE_NAME}: Berkeley, true skew per round, per K (needs K above 1);
 *   <li>{@value KernelMessagesChart#FILE_NAME}: the algorithm kernels' messages per operation
 *       against K, beside the textbook's counts;
 *   <li>{@value KernelLatencyChart#FILE_NAME}: the algorithm kernels' median latency of one
 *       operation against K, beside the MPI ping-pong;
 *   <li>{@value ScaleChart#FILE_NAME}: Berkeley's round cost and the download's E and exchange
 *       against K, when the runs reach {@value ScalePoints#FROM_RANKS} ranks or more.
 * </ol>
 *
 * Only complete runs are drawn. Every chart's data is built before the first file is written, so
 * a broken result file stops everything and leaves no half-updated set of charts.
 */
public final class Charts {
  /** Width of every chart, pixels. */
  public static final int WIDTH_PIXELS = ChartStyle.WIDTH_PIXELS;
  /** Height of every chart, pixels. */
  public static final int HEIGHT_PIXELS = ChartStyle.HEIGHT_PIXELS;

  private Charts() {}

  /**
   * What {@link #render} did.
   *
   * @param files the charts written, in the order of the class description
   * @param notes one line per run or chart left out, saying why
   */
  public record Rendering(List<Path> files, List<String> notes) {}

  /** A chart whose data is ready: writing it is all that is left. */
  @FunctionalInterface
  private interface Pending {
    Path writeTo(Path outDir) throws IOException;
  }

  /**
   * Renders every chart the runs have data for into {@code outDir} (created if needed); returns
   * the files written, in a stable order. Skips runs that did not complete.
   *
   * @throws IllegalArgumentException if no chart has data, or a complete run's result lacks
   *     what its chart needs, or download runs of different set-ups are mixed
   */
  public static List<Path> renderAll(List<RunRecord> runs, Path outDir) throws IOException {
    return render(runs, outDir).files();
  }

  /** As {@link #renderAll}, also saying what was left out and why. */
  public static Rendering render(List<RunRecord> runs, Path outDir) throws IOException {
    ChartStyle.headless();
    List<String> notes = new ArrayList<>();
    Map<String, Integer> otherKernels = new TreeMap<>();
    for (RunRecord run : runs) {
      if (!RunFields.isComplete(run)) {
        notes.add("skipped " + RunFields.name(run) + ": status " + run.status()
            + " (only complete runs are plotted)");
      } else if (KernelFigures.byName(run.kernel()).isEmpty()) {
        otherKernels.merge(String.valueOf(run.kernel()), 1, Integer::sum);
      }
    }
    otherKernels.forEach((kernel, count) -> notes.add("skipped " + count + " " + kernel
        + (count == 1 ? " run" : " runs") + ": there is no chart for that kernel"));

    List<Pending> pending = new ArrayList<>();
    List<String> notDrawn = new ArrayList<>();
    List<RunRecord> download = RunFields.complete(runs, DownloadRun.KERNEL);
    if (!download.isEmpty()) {
      LinesVsTime lines = LinesVsTime.from(download);
      pending.add(out -> LinesVsTimeChart.write(lines, out));
      if (download.stream().anyMatch(r -> r.ranks() == 1)) {
        SpeedupPoints speedup = SpeedupPoints.from(download);
        pending.add(out -> SpeedupChart.write(speedup, out));
      } else {
        notDrawn.add(
            SpeedupChart.FILE_NAME + " not drawn: speedup needs download runs with 1 rank");
      }
    }
    List<RunRecord> berkeley = RunFields.complete(runs, SkewSeries.KERNEL);
    if (!berkeley.isEmpty()) {
      if (berkeley.stream().anyMatch(r -> r.ranks() > 1)) {
        List<SkewSeries> skew = SkewSeries.from(berkeley);
        pending.add(out -> SkewChart.write(skew, out));
      } else {
        notDrawn.add(SkewChart.FILE_NAME + " not drawn: the berkeley runs all have 1 rank, whose"
            + " skew is 0 and has no place on a log scale");
      }
    }
    KernelPoints kernels = KernelPoints.from(runs);
    if (!kernels.isEmpty()) {
      if (kernels.hasMessages()) {
        pending.add(out -> KernelMessagesChart.write(kernels, out));
      } else {
        notDrawn.add(KernelMessagesChart.FILE_NAME + " not drawn: no run made an operation");
      }
      if (kernels.hasLatency()) {
        pending.add(out -> KernelLatencyChart.write(kernels, out));
      } else {
        notDrawn.add(KernelLatencyChart.FILE_NAME + " not drawn: no latency above 0 was measured");
      }
    }
    if (ScalePoints.worthDrawing(runs)) {
      ScalePoints scale = ScalePoints.from(runs);
      pending.add(out -> ScaleChart.write(scale, out));
    }
    notes.addAll(notDrawn);

    if (pending.isEmpty()) {
      throw new IllegalArgumentException(download.isEmpty() && berkeley.isEmpty()
          && kernels.isEmpty()
          ? "no complete runs of a kernel with charts to plot (" + describe(runs.size()) + ")"
          : "nothing to plot: " + String.join("; ", notDrawn));
    }
    List<Path> files = new ArrayList<>();
    for (Pending chart : pending) {
      files.add(chart.writeTo(outDir));
    }
    return new Rendering(List.copyOf(files), List.copyOf(notes));
  }

  private static String describe(int runs) {
    return runs == 0 ? "no runs given" : runs == 1 ? "1 run given" : runs + " runs given";
  }
}
