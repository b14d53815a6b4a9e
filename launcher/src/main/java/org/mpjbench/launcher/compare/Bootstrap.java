package org.mpjbench.launcher.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ratio of two medians, median(B) / median(A), with a percentile bootstrap confidence interval:
 * each resample draws A's and B's samples again with replacement, independently, and takes the
 * ratio of their medians; the interval is the central share of those ratios. Seeded, so that the
 * same samples give the same interval on every machine.
 */
public final class Bootstrap {
  /** The resamples when not told: enough for a 95 % interval stable to about a percent. */
  public static final int DEFAULT_RESAMPLES = 10_000;
  /** The seed when not told. */
  public static final long DEFAULT_SEED = 1;
  /** The share of the bootstrap ratios the interval holds. */
  public static final double CONFIDENCE = 0.95;

  private Bootstrap() {}

  /**
   * A ratio and its interval; {@code low} and {@code high} are NaN when there is no interval (a
   * side with a single sample).
   */
  public record Ratio(double ratio, double low, double high) {
    /** Whether there is an interval. */
    public boolean hasInterval() {
      return !Double.isNaN(low);
    }

    /** Whether the interval holds 1: no difference shown. */
    public boolean containsOne() {
      return low <= 1 && 1 <= high;
    }
  }

  /**
   * median(b) / median(a), with an interval when both have two samples or more.
   *
   * @throws IllegalArgumentException when a side has no sample or median(a) is 0
   */
  public static Ratio ratioOfMedians(double[] a, double[] b, int resamples, long seed) {
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("a side without samples");
    }
    double medianA = median(a.clone());
    if (medianA == 0) {
      throw new IllegalArgumentException("the median of A is 0: no ratio");
    }
    double ratio = median(b.clone()) / medianA;
    if (a.length < 2 || b.length < 2) {
      return new Ratio(ratio, Double.NaN, Double.NaN);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] ratios = new double[resamples];
    double[] drawA = new double[a.length];
    double[] drawB = new double[b.length];
    for (int i = 0; i < resamples; i++) {
      draw(a, drawA, random);
      draw(b, drawB, random);
      // A resampled median of 0 (a side of mostly zeros) makes an infinite ratio: it sorts last,
      // where a percentile interval treats it as the unbounded end it is.
      ratios[i] = median(drawB) / median(drawA);
    }
    Arrays.sort(ratios);
    double tail = (1 - CONFIDENCE) / 2;
    return new Ratio(ratio, percentile(ratios, tail), percentile(ratios, 1 - tail));
  }

  /** The median of {@code values}, which it sorts; the mean of the middle two for an even count. */
  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static void draw(double[] from, double[] into, SplittableRandom random) {
    for (int i = 0; i < into.length; i++) {
      into[i] = from[random.nextInt(from.length)];
    }
  }

  /** The {@code share} quantile of sorted {@code values}, interpolated between neighbours. */
  private static double percentile(double[] sorted, double share) {
    double at = share * (sorted.length - 1);
    int below = (int) Math.floor(at);
    int above = Math.min(below + 1, sorted.length - 1);
    double lower = sorted[below];
    double upper = sorted[above];
    return lower == upper ? lower : lower + (at - below) * (upper - lower);
  }
}
