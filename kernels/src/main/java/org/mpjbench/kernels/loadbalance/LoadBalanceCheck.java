package org.mpjbench.kernels.loadbalance;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/** The checker of a load-balance policy's run: every task was done exactly once. */
public final class LoadBalanceCheck {
  /** The property, as the summary prints it. */
  public static final String PROPERTY = "every task is done exactly once";

  private LoadBalanceCheck() {}

  /**
   * One task's result message.
   *
   * @param taskId the task
   * @param worker the rank that did it
   * @param startNanos host monotonic time it started
   * @param endNanos host monotonic time it ended
   */
  public record TaskResult(long taskId, long worker, long startNanos, long endNanos) {}

  /** Checks the results of {@code policy} against the {@code tasks} tasks of the stream. */
  public static PropertyCheck check(String policy, int tasks, List<TaskResult> results) {
    int[] done = new int[tasks];
    for (TaskResult result : results) {
      if (result.taskId() < 0 || result.taskId() >= tasks) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: rank %d reported unknown task %d", policy, result.worker(), result.taskId()));
      }
      if (++done[(int) result.taskId()] == 2) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: task %d was done twice (again by rank %d)", policy, result.taskId(),
            result.worker()));
      }
      if (result.endNanos() < result.startNanos()) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: task %d ended before it started", policy, result.taskId()));
      }
    }
    for (int task = 0; task < tasks; task++) {
      if (done[task] == 0) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "%s: task %d was never done (%d of %d results)", policy, task, results.size(),
            tasks));
      }
    }
    return PropertyCheck.held(PROPERTY,
        String.format(Locale.ROOT, "%s: all %d tasks done once", policy, tasks));
  }
}
