package org.mpjbench.launcher.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mpjbench.kernels.results.RunRecord;

/**
 * The figures of one complete download run that the charts use, read from its result by the field
 * names of its written schema (docs/results.md), not by the kernel's classes.
 *
 * @param name the run's name, as its result file is called
 * @param ranks K
 * @param setup file, server and device
 * @param boundSeconds N·H(N)/(K·R), the coupon-collector bound on the time
 * @param masterCompleteSeconds T, when rank 0 held every line
 * @param efficiency E = D/(K·R)/T
 * @param series distinct lines known to rank 0 over time
 */
record DownloadRun(String name, int ranks, DownloadSetup setup, double boundSeconds,
    double masterCompleteSeconds, double efficiency, List<LinesVsTime.Point> series) {

  /** The kernel name in result files. */
  static final String KERNEL = "download";

  /** The complete download runs of {@code runs}, read; a broken result is an error. */
  static List<DownloadRun> completeOf(List<RunRecord> runs) {
    return RunFields.complete(runs, KERNEL).stream().map(DownloadRun::of).toList();
  }

  /**
   * The complete download runs of {@code runs}, read, for a chart that needs at least one.
   *
   * @throws IllegalArgumentException "no complete download runs to plot"
   */
  static List<DownloadRun> completeToPlot(List<RunRecord> runs) {
    List<DownloadRun> download = completeOf(runs);
    if (download.isEmpty()) {
      throw new IllegalArgumentException("no complete download runs to plot");
    }
    return download;
  }

  /** {@code runs} grouped by their rank count, fewest ranks first, each group in input order. */
  static SortedMap<Integer, List<DownloadRun>> byRanks(List<DownloadRun> runs) {
    SortedMap<Integer, List<DownloadRun>> byRanks = new TreeMap<>();
    for (DownloadRun run : runs) {
      byRanks.computeIfAbsent(run.ranks(), k -> new ArrayList<>()).add(run);
    }
    return byRanks;
  }

  /** Reads a complete download run. */
  static DownloadRun of(RunRecord run) {
    Fields result = RunFields.result(run, Fields.class);
    DownloadSetup setup = new DownloadSetup(run.device(), result.lineCount(),
        RunFields.positive(run, result.ratePerSecond(), "ratePerSecond"), result.burst());
    List<LinesVsTime.Point> series = new ArrayList<>();
    for (Fields.SeriesPoint point : result.series()) {
      series.add(new LinesVsTime.Point(point.seconds(), point.distinctLines()));
    }
    return new DownloadRun(RunFields.name(run), run.ranks(), setup,
        RunFields.positive(run, result.boundSeconds(), "boundSeconds"),
        RunFields.positive(run, result.masterCompleteSeconds(), "masterCompleteSeconds"),
        RunFields.positive(run, result.efficiency(), "efficiency"),
        List.copyOf(series));
  }

  /** The fields of a download result the charts read, strictly (a missing one is an error). */
  record Fields(int lineCount, double ratePerSecond, int burst, double boundSeconds,
      double masterCompleteSeconds, double efficiency, List<SeriesPoint> series) {
    /** Distinct lines rank 0 knew at a time since the download's start. */
    record SeriesPoint(double seconds, int distinctLines) {}
  }
}
