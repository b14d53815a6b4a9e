package org.mpjbench.kernels.loadbalance;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mpjbench.kernels.mpi.TimedReceive;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything a load-balance run is told, with its units in the names; checked when made, with
 * messages naming the option.
 *
 * @param tasks tasks in the stream
 * @param meanTaskUs mean task cost in microseconds (costs are Pareto-like, see {@link TaskStream})
 * @param policy {@code round-robin}, {@code least-loaded}, {@code work-stealing} or {@code all}
 * @param seed seed of the task costs
 * @param timeoutMs longest wait for any one message before the run fails
 */
public record LoadBalanceParameters(
    int tasks, long meanTaskUs, String policy, long seed, long timeoutMs) {

  /** The policies, in the order {@code all} runs them. */
  public static final List<String> POLICIES =
      List.of("round-robin", "least-loaded", "work-stealing");

  /** The defaults the launcher shows in {@code --help}. */
  public static final LoadBalanceParameters DEFAULTS =
      new LoadBalanceParameters(200, 500, "all", 1L, 10_000L);

  private static final int MAX_TASKS = 1_000_000;
  private static final long MAX_MEAN_US = 1_000_000;

  /** Checks every value; the message names the option at fault. */
  public LoadBalanceParameters {
    OptionChecks.requireBetween("--tasks", tasks, 1, MAX_TASKS);
    OptionChecks.requireBetween("--mean-task-us", meanTaskUs, 1, MAX_MEAN_US);
    if (!"all".equals(policy) && !POLICIES.contains(policy)) {
      throw new IllegalArgumentException("--policy must be all, round-robin, least-loaded or"
          + " work-stealing, got " + policy);
    }
    TimedReceive.checkTimeoutMs(timeoutMs);
  }

  /** The policies this run runs, in turn. */
  public List<String> policies() {
    return "all".equals(policy) ? POLICIES : List.of(policy);
  }

  /** The time-out in nanoseconds. */
  public long timeoutNanos() {
    return TimeUnit.MILLISECONDS.toNanos(timeoutMs);
  }
}
