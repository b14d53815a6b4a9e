package org.mpjbench.kernels.loadbalance;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole load-balance run as rank 0 reports it.
 *
 * @param workers ranks that executed tasks (K-1, or 1 when rank 0 ran alone)
 * @param totalWorkNanos sum of the task costs
 * @param lowerBoundNanos {@code totalWork / workers}: no policy can finish sooner
 * @param policies one entry per policy run, in order
 * @param messages MPI messages the algorithm sent over all policies, counted by the ranks
 * @param medianTurnaroundNanos median over all policies and tasks of the time from the policy's
 *     start to the task's end
 * @param maxTurnaroundNanos largest such time
 * @param check the verdict of {@link LoadBalanceCheck} over every policy
 * @param latency the distribution of the turnarounds of every task of every policy, the tasks of
 *     {@code medianTurnaroundNanos}; null in result files written before it
 */
public record LoadBalanceResult(
    int workers,
    long totalWorkNanos,
    long lowerBoundNanos,
    List<Policy> policies,
    long messages,
    long medianTurnaroundNanos,
    long maxTurnaroundNanos,
    PropertyCheck check,
    Latencies latency) {

  /**
   * One policy's run.
   *
   * @param policy its name
   * @param makespanNanos from the common start to the last task's end
   * @param efficiency {@code lowerBound / makespan}
   * @param messages MPI messages this policy sent
   * @param tasksPerWorker tasks each worker executed, workers in rank order
   * @param check the verdict of {@link LoadBalanceCheck} on this policy's results
   */
  public record Policy(
      String policy,
      long makespanNanos,
      double efficiency,
      long messages,
      List<Integer> tasksPerWorker,
      PropertyCheck check) {}
}
