package org.mpjbench.launcher.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.mpjbench.kernels.results.RunRecord;

/**
 * What the scale chart shows, per rank count K: what a Berkeley round costs in MPI round trips
 * against its sequential lower bound (K−1)·samples+1 (one poll per slave and sample, then one
 * scatter, if nothing overlapped), and the download's efficiency E and rank 0's median time per
 * exchange. Each a median over the runs of that K, with the runs' lowest and highest.
 *
 * @param berkeley Berkeley's points by ascending K (K above 1: one rank polls nobody)
 * @param download the download's points by ascending K
 */
public record ScalePoints(List<Point> berkeley, List<Point> download) {

  /** The largest K a sweep must reach for the chart to be drawn: beyond the default 1 to 4. */
  public static final int FROM_RANKS = 8;

  /** Copies the lists. */
  public ScalePoints {
    berkeley = List.copyOf(berkeley);
    download = List.copyOf(download);
  }

  /**
   * One rank count's figure.
   *
   * @param ranks K
   * @param runs how many runs
   * @param median the median over the runs
   * @param low the lowest run's
   * @param high the highest run's
   * @param bound the reference at K (Berkeley: (K−1)·samples+1 round trips; download: the
   *     median exchange in µs, a second figure rather than a bound)
   */
  public record Point(int ranks, int runs, double median, double low, double high, double bound) {}

  /** Whether the runs reach far enough in K to make a scale chart worth drawing. */
  public static boolean worthDrawing(List<RunRecord> runs) {
    return runs.stream().anyMatch(r -> RunFields.isComplete(r) && r.ranks() >= FROM_RANKS
        && (SkewSeries.KERNEL.equals(r.kernel()) || DownloadRun.KERNEL.equals(r.kernel())));
  }

  /** The points of the complete Berkeley and download runs among {@code runs}. */
  public static ScalePoints from(List<RunRecord> runs) {
    List<Point> berkeley = new ArrayList<>();
    byRanks(RunFields.complete(runs, SkewSeries.KERNEL)).forEach((ranks, group) -> {
      if (ranks > 1) {
        List<Double> costs = values(group, run -> RunFields.positive(run,
            RunFields.result(run, Round.class).summary().roundInRoundTrips(),
            "summary.roundInRoundTrips"));
        // The bound of the group's first run: a sweep gives every run the same --samples.
        RunRecord first = group.get(0);
        double samples = first.parameters() == null ? 0
            : first.parameters().path("samples").asDouble();
        berkeley.add(point(ranks, costs, samples > 0 ? (ranks - 1) * samples + 1 : Double.NaN));
      }
    });
    List<Point> download = new ArrayList<>();
    byRanks(RunFields.complete(runs, DownloadRun.KERNEL)).forEach((ranks, group) -> {
      List<Double> efficiency = values(group, run -> RunFields.result(run, Exchange.class)
          .efficiency());
      List<Double> exchangeMicros = values(group, run -> RunFields.result(run, Exchange.class)
          .medianExchangeNanos() / 1_000.0);
      download.add(point(ranks, efficiency, RunFields.median(exchangeMicros)));
    });
    return new ScalePoints(berkeley, download);
  }

  private static Point point(int ranks, List<Double> values, double bound) {
    return new Point(ranks, values.size(), RunFields.median(values),
        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), bound);
  }

  private static List<Double> values(List<RunRecord> runs, ToDoubleFunction<RunRecord> field) {
    return runs.stream().map(field::applyAsDouble).toList();
  }

  private static Map<Integer, List<RunRecord>> byRanks(List<RunRecord> runs) {
    Map<Integer, List<RunRecord>> groups = new TreeMap<>();
    runs.forEach(run -> groups.computeIfAbsent(run.ranks(), k -> new ArrayList<>()).add(run));
    return groups;
  }

  /** What the chart reads of a Berkeley result, by its written schema (docs/results.md). */
  record Round(Summary summary) {
    /** The round's cost in MPI round trips of the run's own ping-pong. */
    record Summary(double roundInRoundTrips) {}
  }

  /** What the chart reads of a download result, by its written schema (docs/results.md). */
  record Exchange(double efficiency, long medianExchangeNanos) {}
}
