package org.mpjbench.launcher.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpjbench.launcher.bench.Figures;
import org.mpjbench.launcher.report.Table;

/**
 * Result folders A and B compared figure by figure: for every figure both have (same kernel or
 * benchmark, rank count and column), the medians, the ratio B/A with its {@link Bootstrap}
 * interval, and a {@link Verdict}. Built by {@link #of}; rendered as a {@link Table}.
 *
 * @param a the first folder, the reference
 * @param b the second folder
 * @param rows one per shared figure, by name and rank count
 * @param resamples the bootstrap's resamples
 * @param seed the bootstrap's seed
 * @param thresholdPercent the {@code --fail-if-slower} threshold, or null: with it, a row with a
 *     single sample on a side gets a verdict when its ratio is beyond the threshold
 */
public record Comparison(ResultFolder a, ResultFolder b, List<Row> rows, int resamples,
    long seed, Double thresholdPercent) {

  /**
   * One figure compared.
   *
   * @param subject which figure of what
   * @param samplesA A's samples (runs or JMH iterations)
   * @param samplesB B's samples
   * @param medianA the median of A's samples
   * @param medianB the median of B's
   * @param ratio the ratio, NaN for {@link Verdict#NO_RATIO}
   * @param verdict what it says
   * @param note why there is no interval or no ratio; empty when there is one
   */
  public record Row(Subject subject, int samplesA, int samplesB, double medianA, double medianB,
      Bootstrap.Ratio ratio, Verdict verdict, String note) {
    /** How many times slower B is than A (above 1: slower), whatever the figure's direction. */
    public double slowdown() {
      return subject.direction().slowdown(ratio.ratio());
    }
  }

  /**
   * Compares {@code a} and {@code b}.
   *
   * @throws IllegalArgumentException when they are of different kinds or share no figure
   */
  public static Comparison of(ResultFolder a, ResultFolder b, int resamples, long seed,
      Double thresholdPercent) {
    if (a.kind() != b.kind()) {
      throw new IllegalArgumentException("A " + a.folder() + " is a " + a.kind() + " and B "
          + b.folder() + " a " + b.kind() + ": compare a sweep with a sweep, a bench with a"
          + " bench");
    }
    Map<Subject, double[]> shared = new LinkedHashMap<>();
    a.samples().forEach((subject, samples) -> {
      if (b.samples().containsKey(subject)) {
        shared.put(subject, samples);
      }
    });
    if (shared.isEmpty()) {
      throw new IllegalArgumentException("A " + a.folder() + " and B " + b.folder()
          + " have no figure in common (no kernel or benchmark at the same rank count)");
    }
    List<Subject> order = new ArrayList<>(shared.keySet());
    order.sort(Subject.byNameAndRanks());
    List<Row> rows = new ArrayList<>();
    for (Subject subject : order) {
      rows.add(row(subject, shared.get(subject), b.samples().get(subject), resamples, seed,
          thresholdPercent));
    }
    return new Comparison(a, b, List.copyOf(rows), resamples, seed, thresholdPercent);
  }

  static Row row(Subject subject, double[] a, double[] b, int resamples, long seed,
      Double thresholdPercent) {
    double medianA = Bootstrap.median(a.clone());
    double medianB = Bootstrap.median(b.clone());
    if (medianA == 0) {
      return new Row(subject, a.length, b.length, medianA, medianB,
          new Bootstrap.Ratio(Double.NaN, Double.NaN, Double.NaN), Verdict.NO_RATIO,
          "median of A is 0");
    }
    Bootstrap.Ratio ratio = Bootstrap.ratioOfMedians(a, b, resamples, seed);
    if (!ratio.hasInterval()) {
      Verdict verdict = Verdict.NO_DIFFERENCE;
      double slowdown = subject.direction().slowdown(ratio.ratio());
      if (thresholdPercent != null) {
        // One sample a side shows no spread, so only a change beyond the user's own threshold
        // counts, in either direction.
        double limit = 1 + thresholdPercent / 100;
        verdict = slowdown > limit ? Verdict.SLOWER : slowdown < 1 / limit ? Verdict.FASTER
            : Verdict.NO_DIFFERENCE;
      }
      return new Row(subject, a.length, b.length, medianA, medianB, ratio, verdict,
          "n=1, no interval");
    }
    Verdict verdict;
    if (ratio.containsOne()) {
      verdict = Verdict.NO_DIFFERENCE;
    } else {
      boolean above = ratio.low() > 1;
      boolean slower = above == (subject.direction() == Direction.LOWER_IS_FASTER);
      verdict = slower ? Verdict.SLOWER : Verdict.FASTER;
    }
    return new Row(subject, a.length, b.length, medianA, medianB, ratio, verdict, "");
  }

  /**
   * The rows slower by more than {@code percent} %: B takes more than (1 + percent/100) times
   * A's time (a rate: A's rate divided by that), and the verdict is slower.
   */
  public List<Row> slowerThan(double percent) {
    double limit = 1 + percent / 100;
    return rows.stream().filter(r -> r.verdict() == Verdict.SLOWER && r.slowdown() > limit)
        .toList();
  }

  /** How many rows say {@code verdict}. */
  public long count(Verdict verdict) {
    return rows.stream().filter(r -> r.verdict() == verdict).count();
  }

  /** What the interval is over, in a sentence, for the console and the Markdown file. */
  public String method() {
    return String.format(Locale.ROOT, "ratio B/A of the medians; %.0f %% interval by percentile"
        + " bootstrap over %s (%,d resamples, seed %d); a time or skew is faster when lower, a"
        + " rate when higher", Bootstrap.CONFIDENCE * 100, a.kind().samplesAre(), resamples, seed);
  }

  /** The table, numbers for people ({@code forFiles} false) or for files. */
  public Table table(boolean forFiles) {
    List<String> header = List.of("name", "ranks", "figure", "better", "n_a", "n_b", "median_a",
        "median_b", "ratio_b_a", "ci_low", "ci_high", "verdict", "note");
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows) {
      List<String> line = new ArrayList<>();
      line.add(row.subject().name());
      line.add(Integer.toString(row.subject().ranks()));
      line.add(row.subject().figure());
      line.add(row.subject().direction().better());
      line.add(Integer.toString(row.samplesA()));
      line.add(Integer.toString(row.samplesB()));
      line.add(number(row.medianA(), forFiles));
      line.add(number(row.medianB(), forFiles));
      line.add(number(row.ratio().ratio(), forFiles));
      line.add(number(row.ratio().low(), forFiles));
      line.add(number(row.ratio().high(), forFiles));
      line.add(row.verdict().toString());
      line.add(row.note());
      cells.add(line);
    }
    if (forFiles) {
      return new Table(header, cells, 4);
    }
    // For people: the interval in one cell, and the verdict with its note.
    List<List<String>> shown = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      List<String> line = cells.get(i);
      String interval = rows.get(i).ratio().hasInterval() ? line.get(9) + " – " + line.get(10)
          : "–";
      String verdict = line.get(12).isEmpty() ? line.get(11)
          : line.get(11) + " (" + line.get(12) + ")";
      shown.add(List.of(line.get(0), line.get(1), line.get(2), line.get(3), line.get(4),
          line.get(5), line.get(6), line.get(7), line.get(8), interval, verdict));
    }
    return new Table(List.of("name", "K", "figure", "better", "n A", "n B", "median A",
        "median B", "B/A", "95 % interval", "verdict"), shown, 4);
  }

  private static String number(double value, boolean forFiles) {
    if (Double.isNaN(value)) {
      return forFiles ? "" : "–";
    }
    if (Double.isInfinite(value)) {
      return forFiles ? (value > 0 ? "inf" : "-inf") : (value > 0 ? "∞" : "-∞");
    }
    return forFiles ? Figures.file(value) : Figures.people(value);
  }
}
