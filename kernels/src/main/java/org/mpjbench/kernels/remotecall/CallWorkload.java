package org.mpjbench.kernels.remotecall;

import java.util.SplittableRandom;

/** The seeded arguments of every client's calls, the same on every rank. */
public final class CallWorkload {
  private CallWorkload() {}

  /**
   * The {@code calls} arguments of {@code rank}: uniform in [0, 1e6), a fraction {@code
   * negativeRatio} of them negative (in [-1e6, -1e-3)).
   */
  public static double[] arguments(long seed, int rank, int calls, double negativeRatio) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + rank);
    double[] arguments = new double[calls];
    for (int i = 0; i < calls; i++) {
      boolean negative = random.nextDouble() < negativeRatio;
      double magnitude = random.nextDouble() * 1e6;
      arguments[i] = negative ? -(magnitude + 1e-3) : magnitude;
    }
    return arguments;
  }
}
