package org.mpjbench.launcher.bench;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers for people (three significant digits) and for files (six), never in the local format. */
public final class Figures {
  private static final MathContext FOR_PEOPLE = new MathContext(3, RoundingMode.HALF_EVEN);
  private static final MathContext FOR_FILES = new MathContext(6, RoundingMode.HALF_EVEN);

  private Figures() {}

  /**
   * Three significant digits, thousands grouped with commas: 812.34 gives "812", 45_678 gives
   * "45,700", 0.0086667 gives "0.00867", 12.0 gives "12".
   */
  public static String people(double value) {
    if (!Double.isFinite(value)) {
      return String.valueOf(value);
    }
    BigDecimal rounded = new BigDecimal(value).round(FOR_PEOPLE);
    if (rounded.abs().compareTo(BigDecimal.valueOf(1_000)) >= 0) {
      DecimalFormat grouped = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
      return grouped.format(rounded);
    }
    return plain(rounded);
  }

  /** {@code relative} (0.031) as a percentage for "±3%": whole percents, one decimal below 1%. */
  static String percent(double relative) {
    double percent = relative * 100;
    return String.format(Locale.ROOT, percent < 0.95 ? "%.1f%%" : "%.0f%%", percent);
  }

  /**
   * A number for CSV: six significant digits, plain notation (no exponent, no grouping), the empty
   * string when not finite (a missing value).
   */
  public static String file(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    return plain(new BigDecimal(value).round(FOR_FILES));
  }

  private static String plain(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }
}
