package org.mpjbench.launcher.cli;

import org.mpjbench.kernels.spi.Durations;

/** Formats durations for people: the unit that keeps three significant digits. */
final class Units {
  private Units() {}

  /** {@code 1234} gives "1.23 µs", {@code 43_900_000} gives "43.9 ms", 999_999 gives "1.00 ms". */
  static String nanos(long nanos) {
    return Durations.nanos(nanos);
  }
}
