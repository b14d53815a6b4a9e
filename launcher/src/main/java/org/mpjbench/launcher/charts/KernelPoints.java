package org.mpjbench.launcher.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.report.KernelFigures;
import org.mpjbench.launcher.report.Medians;
import org.mpjbench.launcher.report.RunFigures;

/**
 * What the kernel charts show: for each algorithm kernel (one that checks a property, see {@link
 * KernelFigures#checksProperty()}), one point per rank count K with complete runs, holding the
 * medians over those runs of messages per operation and of the median latency of one operation;
 * beside them, the plain MPI ping-pong some kernels measure in the same runs, as the reference.
 *
 * @param series one per kernel with runs, in {@link KernelFigures} order
 * @param baseline the median ping-pong per K over every run that measured one, by ascending K
 */
public record KernelPoints(List<Series> series, List<Baseline> baseline) {

  /** Copies the lists. */
  public KernelPoints {
    series = List.copyOf(series);
    baseline = List.copyOf(baseline);
  }

  /**
   * One kernel's points.
   *
   * @param kernel the kernel
   * @param points by ascending K
   */
  public record Series(KernelFigures kernel, List<Point> points) {
    /** Copies the list. */
    public Series {
      points = List.copyOf(points);
    }
  }

  /**
   * One rank count of one kernel.
   *
   * @param ranks K
   * @param runs how many complete runs the medians are of
   * @param messagesPerOperation median messages per operation; null when no operation was made
   * @param medianLatencyNanos median over the runs of each run's median latency of one operation;
   *     null when the kernel measures none, or no operation was made
   */
  public record Point(int ranks, int runs, Double messagesPerOperation,
      Double medianLatencyNanos) {}

  /**
   * The reference latency at one rank count.
   *
   * @param ranks K
   * @param roundTripNanos median plain MPI ping-pong (one long) measured in the runs with K ranks
   */
  public record Baseline(int ranks, double roundTripNanos) {}

  /**
   * The points of the complete algorithm-kernel runs among {@code runs} (others are ignored).
   *
   * @throws IllegalArgumentException when a complete run lacks a figure its kernel always writes
   */
  public static KernelPoints from(List<RunRecord> runs) {
    Map<KernelFigures, Map<Integer, List<RunFigures>>> groups = new TreeMap<>();
    Map<Integer, List<Long>> baselines = new TreeMap<>();
    for (RunRecord run : runs) {
      KernelFigures kernel = KernelFigures.byName(run.kernel()).orElse(null);
      if (kernel == null || !kernel.checksProperty() || !RunFields.isComplete(run)) {
        continue;
      }
      RunFigures figures = kernel.read(run);
      groups.computeIfAbsent(kernel, k -> new TreeMap<>())
          .computeIfAbsent(run.ranks(), k -> new ArrayList<>()).add(figures);
      if (figures.baselineRoundTripNanos() != null) {
        baselines.computeIfAbsent(run.ranks(), k -> new ArrayList<>())
            .add(figures.baselineRoundTripNanos());
      }
    }
    List<Series> series = new ArrayList<>();
    groups.forEach((kernel, byRanks) -> {
      List<Point> points = new ArrayList<>();
      byRanks.forEach((ranks, group) -> points.add(new Point(ranks, group.size(),
          Medians.of(group, RunFigures::messagesPerOperation),
          Medians.of(group, RunFigures::medianLatencyNanos))));
      series.add(new Series(kernel, points));
    });
    List<Baseline> baseline = new ArrayList<>();
    baselines.forEach((ranks, values) -> baseline.add(new Baseline(ranks, Medians.of(values))));
    return new KernelPoints(series, baseline);
  }

  /** Whether there are no algorithm-kernel runs at all. */
  public boolean isEmpty() {
    return series.isEmpty();
  }

  /** Whether some point has messages per operation to draw. */
  public boolean hasMessages() {
    return points().anyMatch(p -> p.messagesPerOperation() != null);
  }

  /** Whether some point has a latency above zero to draw (on a log axis). */
  public boolean hasLatency() {
    return points().anyMatch(p -> p.medianLatencyNanos() != null && p.medianLatencyNanos() > 0);
  }

  /** The largest K with runs (1 when there are none). */
  public int maxRanks() {
    return points().mapToInt(Point::ranks).max().orElse(1);
  }

  private java.util.stream.Stream<Point> points() {
    return series.stream().flatMap(s -> s.points().stream());
  }
}
