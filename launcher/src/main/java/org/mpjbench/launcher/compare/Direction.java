package org.mpjbench.launcher.compare;

import java.util.Set;

/**
 * Which way a figure is better: a time or a skew is faster when it shrinks, a rate when it
 * grows.
 */
public enum Direction {
  /** A time, a latency, a skew, an error: a ratio B/A below 1 means B is faster. */
  LOWER_IS_FASTER("lower"),
  /** A rate, a score, an efficiency: a ratio B/A above 1 means B is faster. */
  HIGHER_IS_FASTER("higher");

  /** Figures that are neither a time nor a rate by their unit, but better when higher. */
  private static final Set<String> HIGHER_WITHOUT_RATE_UNIT = Set.of("efficiency");

  private final String better;

  Direction(String better) {
    this.better = better;
  }

  /** "lower" or "higher": which is better, for the table. */
  public String better() {
    return better;
  }

  /**
   * The direction of the {@code sweep.csv} column {@code name} by its unit: {@code _per_s} and
   * efficiency are rates, {@code _ns}, {@code _us}, {@code _ms} and {@code _s} times; null for a
   * column that is neither (a count such as lines or draws), which is no figure to compare.
   */
  public static Direction ofColumn(String name) {
    if (name.endsWith("_per_s") || HIGHER_WITHOUT_RATE_UNIT.contains(name)) {
      return HIGHER_IS_FASTER;
    }
    if (name.endsWith("_ns") || name.endsWith("_us") || name.endsWith("_ms")
        || name.endsWith("_s")) {
      return LOWER_IS_FASTER;
    }
    return null;
  }

  /**
   * How many times slower B is than A for a ratio B/A: the ratio itself for a time, its inverse
   * for a rate; above 1 is slower.
   */
  public double slowdown(double ratio) {
    return this == LOWER_IS_FASTER ? ratio : 1 / ratio;
  }
}
