package org.mpjbench.launcher.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mpjbench.launcher.results.RunRecord;

/**
 * The figures of one complete download run that the charts use, read from its result (field names
 * as the download kernel writes them).
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

  /** Reads a complete download run. */
  static DownloadRun of(RunRecord run) {
    JsonNode result = RunFields.result(run);
    DownloadSetup setup = new DownloadSetup(run.device(),
        (int) RunFields.integer(run, result, "lineCount", ""),
        RunFields.positive(run, result, "ratePerSecond", ""),
        (int) RunFields.integer(run, result, "burst", ""));
    List<LinesVsTime.Point> series = new ArrayList<>();
    JsonNode points = RunFields.array(run, result, "series", "");
    for (int i = 0; i < points.size(); i++) {
      String path = "series[" + i + "].";
      series.add(new LinesVsTime.Point(
          RunFields.number(run, points.get(i), "seconds", path),
          RunFields.integer(run, points.get(i), "distinctLines", path)));
    }
    return new DownloadRun(RunFields.name(run), run.ranks(), setup,
        RunFields.positive(run, result, "boundSeconds", ""),
        RunFields.positive(run, result, "masterCompleteSeconds", ""),
        RunFields.positive(run, result, "efficiency", ""),
        List.copyOf(series));
  }
}
