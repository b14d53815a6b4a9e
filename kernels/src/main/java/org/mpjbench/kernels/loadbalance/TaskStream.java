package org.mpjbench.kernels.loadbalance;

import java.util.SplittableRandom;

/**
 * The seeded task costs: Pareto with shape 2 (scale = mean / 2, so the mean is {@code mean}),
 * capped at 20 times the mean so that one task cannot dominate a short run. Same seed, same costs.
 */
public final class TaskStream {
  private static final double SHAPE = 2.0;
  private static final double CAP = 20.0;

  private TaskStream() {}

  /** The cost in nanoseconds of each of {@code tasks} tasks with mean {@code meanNanos}. */
  public static long[] costsNanos(long seed, int tasks, long meanNanos) {
    SplittableRandom random = new SplittableRandom(seed);
    double scale = meanNanos * (SHAPE - 1) / SHAPE;
    long[] costs = new long[tasks];
    for (int i = 0; i < tasks; i++) {
      double u = 1.0 - random.nextDouble();
      double cost = scale / Math.pow(u, 1.0 / SHAPE);
      costs[i] = Math.max(1, Math.round(Math.min(cost, CAP * meanNanos)));
    }
    return costs;
  }
}
