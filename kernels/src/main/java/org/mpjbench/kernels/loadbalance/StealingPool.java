package org.mpjbench.kernels.loadbalance;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The dispatcher's pool for work stealing: the tasks are pre-split round robin into one queue per
 * worker; a worker asking for work gets the head of its own queue, or, once that is empty, steals
 * the tail of the longest other queue (the lowest index on a tie); -1 when every queue is empty.
 * The queues live at the dispatcher (a shared pool answering steal requests), not at the workers.
 */
public final class StealingPool {
  private final Deque<Integer>[] queues;
  private long steals;

  /** A pool of {@code tasks} tasks split round robin over {@code workers} queues. */
  @SuppressWarnings("unchecked")
  public StealingPool(int tasks, int workers) {
    queues = new Deque[workers];
    for (int w = 0; w < workers; w++) {
      queues[w] = new ArrayDeque<>();
    }
    for (int task = 0; task < tasks; task++) {
      queues[Policies.roundRobin(task, workers)].addLast(task);
    }
  }

  /** The next task for worker index {@code worker}, or -1 if none is left anywhere. */
  public int next(int worker) {
    if (!queues[worker].isEmpty()) {
      return queues[worker].pollFirst();
    }
    int victim = -1;
    for (int w = 0; w < queues.length; w++) {
      if (!queues[w].isEmpty() && (victim < 0 || queues[w].size() > queues[victim].size())) {
        victim = w;
      }
    }
    if (victim < 0) {
      return -1;
    }
    steals++;
    return queues[victim].pollLast();
  }

  /** Tasks handed out from another worker's queue. */
  public long steals() {
    return steals;
  }
}
