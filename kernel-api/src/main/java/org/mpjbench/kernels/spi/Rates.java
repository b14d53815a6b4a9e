package org.mpjbench.kernels.spi;

import java.util.Locale;

/** Formats rates for people: three significant digits, thousands separated. */
public final class Rates {
  private Rates() {}

  /** A rate for people: "4.75", "47.5", "4,751". */
  public static String perSecond(double perSecond) {
    String pattern = perSecond < 10 ? "%.2f" : perSecond < 100 ? "%.1f" : "%,.0f";
    return String.format(Locale.ROOT, pattern, perSecond);
  }
}
