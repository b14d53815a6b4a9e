package org.mpjbench.launcher.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.mpjbench.kernels.results.RunRecord;

/**
 * What the lines-over-time chart shows: for each rank count K, how many distinct lines rank 0 knew
 * as time went on, in one representative run. Curves cannot be averaged point by point without
 * inventing a run that never happened, so each K is shown by its run with the median completion
 * time T (for an even number of runs, the faster of the two middle ones).
 *
 * @param setup what every run shares (file, server, device)
 * @param curves one per rank count, by ascending K; never empty
 */
public record LinesVsTime(DownloadSetup setup, List<Curve> curves) {

  /** Checks that there is something to draw. */
  public LinesVsTime {
    if (curves == null || curves.isEmpty()) {
      throw new IllegalArgumentException("no complete download runs to plot");
    }
    curves = List.copyOf(curves);
  }

  /**
   * One rank count's curve.
   *
   * @param ranks K
   * @param runs how many runs with K ranks there were
   * @param masterCompleteSeconds T of the run shown (the median one)
   * @param run the name of the run shown, as its result file is called
   * @param points that run's series
   */
  public record Curve(int ranks, int runs, double masterCompleteSeconds, String run,
      List<Point> points) {

    /** The legend entry, e.g. "4 ranks (median of 5 runs, T = 7.4 s)". */
    public String label() {
      return RunFields.ranks(ranks) + " (" + RunFields.runs(runs) + ", T = "
          + RunFields.seconds(masterCompleteSeconds) + ")";
    }
  }

  /**
   * One sample of a run's series.
   *
   * @param seconds since the start of the download
   * @param distinctLines distinct lines rank 0 knew then
   */
  public record Point(double seconds, long distinctLines) {}

  /**
   * The curves of the complete download runs among {@code runs} (others are ignored).
   *
   * @throws IllegalArgumentException "no complete download runs to plot", or when the runs do not
   *     share one {@link DownloadSetup}
   */
  public static LinesVsTime from(List<RunRecord> runs) {
    List<DownloadRun> download = DownloadRun.completeToPlot(runs);
    DownloadSetup setup = DownloadSetup.common(download);
    Map<Integer, List<DownloadRun>> byRanks = DownloadRun.byRanks(download);
    List<Curve> curves = new ArrayList<>();
    byRanks.forEach((ranks, group) -> {
      DownloadRun median = medianRun(group);
      curves.add(new Curve(ranks, group.size(), median.masterCompleteSeconds(), median.name(),
          median.series()));
    });
    return new LinesVsTime(setup, curves);
  }

  /** The run with the median T; of an even count, the faster middle one; ties by name. */
  static DownloadRun medianRun(List<DownloadRun> runs) {
    List<DownloadRun> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(DownloadRun::masterCompleteSeconds)
        .thenComparing(DownloadRun::name));
    return sorted.get((sorted.size() - 1) / 2);
  }
}
