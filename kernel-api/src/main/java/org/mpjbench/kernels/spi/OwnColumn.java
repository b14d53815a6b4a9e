package org.mpjbench.kernels.spi;

import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * A figure of a kernel's own beyond those every kernel has ({@link Figures}): one column of
 * {@code sweep.csv} and a figure of the sweep's tables, read from the kernel's typed result.
 *
 * @param <R> the kernel's result record
 * @param name the column's name, snake case with its unit, e.g. {@code final_skew_ns}
 * @param decimal whether the figure is a fraction (written with four decimals) or a whole number
 * @param value reads the figure from a complete run's result
 */
public record OwnColumn<R>(String name, boolean decimal, ToDoubleFunction<R> value) {

  /** A whole-number column (counts, nanoseconds). */
  public static <R> OwnColumn<R> integer(String name, ToLongFunction<R> value) {
    return new OwnColumn<>(name, false, r -> value.applyAsLong(r));
  }

  /** A fractional column (seconds, ratios). */
  public static <R> OwnColumn<R> decimal(String name, ToDoubleFunction<R> value) {
    return new OwnColumn<>(name, true, value);
  }

  /** {@code figure} as this column writes it: four decimals, or a whole number. */
  public String format(double figure) {
    return decimal ? String.format(Locale.ROOT, "%.4f", figure) : Long.toString((long) figure);
  }
}
