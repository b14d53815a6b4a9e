package org.mpjbench.launcher.charts;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.mpjbench.kernels.results.RunRecord;

/**
 * What the speedup chart shows, one point per rank count K with runs:
 *
 * <ul>
 *   <li>measured speedup = median T(1) / median T(K), T being when rank 0 held every line;
 *   <li>luck-free speedup = K · median E(K) / median E(1), E = D/(K·R)/T being the efficiency.
 *       How many draws D a group needs before it holds every line is luck (the coupon collector's
 *       N·H(N) is only their expectation); E divides D out, so this is the speedup the ranks
 *       would show if every run needed the same number of draws;
 *   <li>coupon-collector bound = boundSeconds(1) / boundSeconds(K), with boundSeconds =
 *       N·H(N)/(K·R): K itself, the ideal.
 * </ul>
 *
 * @param setup what every run shares (file, server, device)
 * @param points by ascending K, the first with K = 1
 */
public record SpeedupPoints(DownloadSetup setup, List<Point> points) {

  /** Checks that there is a base to divide by. */
  public SpeedupPoints {
    if (points == null || points.isEmpty()) {
      throw new IllegalArgumentException("no complete download runs to plot");
    }
    if (points.get(0).ranks() != 1) {
      throw new IllegalArgumentException("speedup needs download runs with 1 rank");
    }
    points = List.copyOf(points);
  }

  /**
   * One rank count.
   *
   * @param ranks K
   * @param runs how many runs with K ranks the medians are of
   * @param medianSeconds median T(K)
   * @param medianEfficiency median E(K)
   * @param medianBoundSeconds median boundSeconds(K) (all equal for runs of one set-up)
   * @param measured median T(1) / median T(K)
   * @param luckFree K · median E(K) / median E(1)
   * @param bound boundSeconds(1) / boundSeconds(K)
   * @param measuredLow median T(1) / the slowest run's T(K): the measured speedup's low end
   * @param measuredHigh median T(1) / the fastest run's T(K)
   * @param luckFreeLow K · the lowest E(K) / median E(1)
   * @param luckFreeHigh K · the highest E(K) / median E(1)
   */
  public record Point(int ranks, int runs, double medianSeconds, double medianEfficiency,
      double medianBoundSeconds, double measured, double luckFree, double bound,
      double measuredLow, double measuredHigh, double luckFreeLow, double luckFreeHigh) {

    /** A rank count of one run, or of runs that agree: no spread. */
    public Point(int ranks, int runs, double medianSeconds, double medianEfficiency,
        double medianBoundSeconds, double measured, double luckFree, double bound) {
      this(ranks, runs, medianSeconds, medianEfficiency, medianBoundSeconds, measured, luckFree,
          bound, measured, measured, luckFree, luckFree);
    }

    /** The ideal speedup: K. */
    public double ideal() {
      return ranks;
    }
  }

  /** The largest K with runs. */
  public int maxRanks() {
    return points.get(points.size() - 1).ranks();
  }

  /**
   * The speedups of the complete download runs among {@code runs} (others are ignored).
   *
   * @throws IllegalArgumentException "no complete download runs to plot", "speedup needs download
   *     runs with 1 rank", or when the runs do not share one {@link DownloadSetup}
   */
  public static SpeedupPoints from(List<RunRecord> runs) {
    List<DownloadRun> download = DownloadRun.completeToPlot(runs);
    DownloadSetup setup = DownloadSetup.common(download);
    Map<Integer, List<DownloadRun>> byRanks = DownloadRun.byRanks(download);
    List<DownloadRun> single = byRanks.get(1);
    if (single == null) {
      throw new IllegalArgumentException("speedup needs download runs with 1 rank");
    }
    double seconds1 = median(single, DownloadRun::masterCompleteSeconds);
    double efficiency1 = median(single, DownloadRun::efficiency);
    double bound1 = median(single, DownloadRun::boundSeconds);
    List<Point> points = new ArrayList<>();
    byRanks.forEach((ranks, group) -> {
      double seconds = median(group, DownloadRun::masterCompleteSeconds);
      double efficiency = median(group, DownloadRun::efficiency);
      double bound = median(group, DownloadRun::boundSeconds);
      DoubleSummaryStatistics times =
          group.stream().mapToDouble(DownloadRun::masterCompleteSeconds).summaryStatistics();
      DoubleSummaryStatistics efficiencies =
          group.stream().mapToDouble(DownloadRun::efficiency).summaryStatistics();
      points.add(new Point(ranks, group.size(), seconds, efficiency, bound,
          seconds1 / seconds, ranks * efficiency / efficiency1, bound1 / bound,
          seconds1 / times.getMax(), seconds1 / times.getMin(),
          ranks * efficiencies.getMin() / efficiency1, ranks * efficiencies.getMax() / efficiency1));
    });
    return new SpeedupPoints(setup, points);
  }

  private static double median(List<DownloadRun> runs, ToDoubleFunction<DownloadRun> field) {
    return RunFields.median(runs.stream().map(field::applyAsDouble).toList());
  }
}
