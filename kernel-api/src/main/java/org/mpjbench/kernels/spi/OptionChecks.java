package org.mpjbench.kernels.spi;

/**
 * The range checks the kernels' parameters make on their options, so that every kernel rejects a
 * value out of range with the same one-line message naming the option at fault ("--calls must be
 * between 1 and 1000000, got 0"), which the launcher prints as it is.
 */
public final class OptionChecks {
  private OptionChecks() {}

  /**
   * Checks that {@code value} of {@code option} lies in {@code min} to {@code max}, both included.
   *
   * @param option the option's name, e.g. {@code --calls}
   * @throws IllegalArgumentException "--calls must be between 1 and 1000000, got 0"
   */
  public static void requireBetween(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          option + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /**
   * Checks that {@code value} of {@code option} is a fraction: a finite number from 0 to 1.
   *
   * @param option the option's name, e.g. {@code --miss-ratio}
   * @throws IllegalArgumentException "--miss-ratio must be a number between 0 and 1, got 1.5"
   */
  public static void requireFraction(String option, double value) {
    if (!Double.isFinite(value) || value < 0 || value > 1) {
      throw new IllegalArgumentException(
          option + " must be a number between 0 and 1, got " + value);
    }
  }
}
