package org.mpjbench.launcher.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Medians over runs, the figure the sweep's table and the kernel charts show per rank count. */
public final class Medians {
  private Medians() {}

  /**
   * The median of the values that are there (nulls are runs without the figure), the mean of the
   * middle two for an even count; null when no value is there.
   */
  public static Double of(Collection<? extends Number> values) {
    double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(Number::doubleValue)
        .sorted().toArray();
    int n = sorted.length;
    if (n == 0) {
      return null;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The median of {@code figure} over {@code runs}, as {@link #of(Collection)}. */
  public static <T> Double of(List<T> runs, Function<? super T, ? extends Number> figure) {
    List<Number> values = new ArrayList<>();
    for (T run : runs) {
      values.add(figure.apply(run));
    }
    return of(values);
  }
}
