package org.mpjbench.kernels.spi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Formats durations for people: the unit that keeps three significant digits. */
public final class Durations {
  private Durations() {}

  /** {@code 1234} gives "1.23 µs", {@code 43_900_000} gives "43.9 ms", 999_999 gives "1.00 ms". */
  public static String nanos(long nanos) {
    if (Math.abs(nanos) < 1_000) {
      return nanos + " ns";
    }
    // Round to three significant digits first, then pick the unit: 999_999 ns is 1.00 ms.
    BigDecimal rounded = new BigDecimal(nanos).round(new MathContext(3, RoundingMode.HALF_UP));
    BigDecimal magnitude = rounded.abs();
    String unit;
    BigDecimal scale;
    if (magnitude.compareTo(BigDecimal.valueOf(1_000_000)) < 0) {
      unit = "µs";
      scale = BigDecimal.valueOf(1_000);
    } else if (magnitude.compareTo(BigDecimal.valueOf(1_000_000_000)) < 0) {
      unit = "ms";
      scale = BigDecimal.valueOf(1_000_000);
    } else {
      unit = "s";
      scale = BigDecimal.valueOf(1_000_000_000);
    }
    double value = rounded.divide(scale).doubleValue();
    double size = Math.abs(value);
    String pattern = size < 10 ? "%.2f %s" : size < 100 ? "%.1f %s" : "%.0f %s";
    return String.format(Locale.ROOT, pattern, value, unit);
  }
}
