package org.mpjbench.launcher.cli;

import java.util.Locale;

/** Formats durations for people: the unit that keeps three significant digits. */
final class Units {
  private Units() {}

  /** {@code 1234} gives "1.23 µs", {@code 43_900_000} gives "43.9 ms". */
  static String nanos(long nanos) {
    double magnitude = Math.abs((double) nanos);
    if (magnitude < 1_000) {
      return nanos + " ns";
    }
    if (magnitude < 1_000_000) {
      return format(nanos / 1e3, "µs");
    }
    if (magnitude < 1_000_000_000) {
      return format(nanos / 1e6, "ms");
    }
    return format(nanos / 1e9, "s");
  }

  private static String format(double value, String unit) {
    double magnitude = Math.abs(value);
    String pattern = magnitude < 10 ? "%.2f %s" : magnitude < 100 ? "%.1f %s" : "%.0f %s";
    return String.format(Locale.ROOT, pattern, value, unit);
  }
}
