package org.mpjbench.launcher.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mpjbench.kernels.results.RunRecord;

/**
 * One line of the Berkeley skew chart: the true skew before the first round (round 0) and after
 * each round, in microseconds, for one
 * rank count (and device, when the runs span more than one), the median across its runs for each
 * round (over the runs that have that round).
 *
 * <p>The chart's skew axis is logarithmic, because skew falls by orders of magnitude in the first
 * rounds. Zero has no place on a log axis, so points whose median skew is 0 are left out, and so is
 * a series left without points: that is always the case of 1-rank runs, whose one clock agrees
 * with itself (skew 0).
 *
 * @param label the legend entry, e.g. "4 ranks (median of 5 runs)" or "4 ranks, niodev (1 run)"
 * @param device the runs' device
 * @param ranks K
 * @param runs how many runs the medians are of
 * @param points by round, skew above 0 only
 */
public record SkewSeries(String label, String device, int ranks, int runs, List<Point> points) {

  /** The kernel name in result files. */
  static final String KERNEL = "berkeley";

  /** Copies the points. */
  public SkewSeries {
    points = List.copyOf(points);
  }

  /**
   * One round.
   *
   * @param round 1-based round number; 0 is the skew before the first round
   * @param medianSkewMicros median true skew after that round, in µs (above 0)
   * @param lowestSkewMicros the smallest of the runs' skews after that round, in µs (0 when a run
   *     ended a round with every clock equal, which the log axis shows at its bottom)
   * @param highestSkewMicros the largest of the runs' skews after that round, in µs
   */
  public record Point(int round, double medianSkewMicros, double lowestSkewMicros,
      double highestSkewMicros) {

    /** A round of one run, or one whose runs agree: no range. */
    public Point(int round, double medianSkewMicros) {
      this(round, medianSkewMicros, medianSkewMicros, medianSkewMicros);
    }
  }

  /**
   * The series of the complete Berkeley runs among {@code runs} (others are ignored), by
   * ascending rank count, then device.
   *
   * @throws IllegalArgumentException when there is no complete Berkeley run, or none with a skew
   *     above 0 (only 1-rank runs)
   */
  public static List<SkewSeries> from(List<RunRecord> runs) {
    List<RunRecord> berkeley = RunFields.complete(runs, KERNEL);
    if (berkeley.isEmpty()) {
      throw new IllegalArgumentException("no complete berkeley runs to plot");
    }
    boolean severalDevices = berkeley.stream().map(RunRecord::device).distinct().count() > 1;
    Map<Group, List<RunRecord>> groups = new TreeMap<>(Comparator.comparingInt(Group::ranks)
        .thenComparing(Group::device, Comparator.nullsFirst(Comparator.naturalOrder())));
    for (RunRecord run : berkeley) {
      groups.computeIfAbsent(new Group(run.ranks(), run.device()), g -> new ArrayList<>()).add(run);
    }
    List<SkewSeries> series = new ArrayList<>();
    groups.forEach((group, members) -> {
      Map<Integer, List<Double>> byRound = new TreeMap<>();
      for (RunRecord run : members) {
        Skews result = RunFields.result(run, Skews.class);
        // Round 0: the skew before the first round, so the chart shows where the clocks start.
        byRound.computeIfAbsent(0, r -> new ArrayList<>())
            .add((double) result.summary().initialSkewNanos());
        for (Skews.Round round : result.rounds()) {
          byRound.computeIfAbsent(round.round(), r -> new ArrayList<>())
              .add((double) round.trueSkewNanos());
        }
      }
      List<Point> points = new ArrayList<>();
      byRound.forEach((round, skews) -> {
        double medianMicros = RunFields.median(skews) / 1_000.0;
        if (medianMicros > 0) {
          points.add(new Point(round, medianMicros,
              skews.stream().mapToDouble(Double::doubleValue).min().orElseThrow() / 1_000.0,
              skews.stream().mapToDouble(Double::doubleValue).max().orElseThrow() / 1_000.0));
        }
      });
      if (!points.isEmpty()) {
        String label = RunFields.ranks(group.ranks())
            + (severalDevices ? ", " + group.device() : "")
            + " (" + RunFields.runs(members.size()) + ")";
        series.add(new SkewSeries(label, group.device(), group.ranks(), members.size(), points));
      }
    });
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no berkeley runs with a skew above 0 to plot (runs with"
          + " 1 rank have skew 0, which a log scale cannot show)");
    }
    return List.copyOf(series);
  }

  private record Group(int ranks, String device) {}

  /**
   * What the chart reads of a Berkeley result, by the field names of its written schema
   * (docs/results.md), not by the kernel's classes: the true skew before the first round and
   * after each. Read strictly, as every result is: a missing field is an error, not a 0.
   */
  record Skews(Summary summary, List<Round> rounds) {
    /** The run's summary: the skew before the first round, in ns. */
    record Summary(long initialSkewNanos) {}

    /** One round: its number and the true skew after it, in ns. */
    record Round(int round, long trueSkewNanos) {}
  }
}
