package org.mpjbench.kernels.loadbalance;

/** The assignment decisions of the dispatching policies, without MPI. */
public final class Policies {
  /** Tasks a worker may have outstanding under least-loaded (one running, one queued). */
  public static final int LEAST_LOADED_WINDOW = 2;

  private Policies() {}

  /** Round robin: task {@code task} goes to worker index {@code task mod workers}. */
  public static int roundRobin(int task, int workers) {
    return task % workers;
  }

  /**
   * Least loaded: the worker index with the least outstanding estimated work among those with
   * fewer than {@code window} tasks outstanding (the lowest index on a tie), or -1 if all are full.
   */
  public static int leastLoaded(long[] outstandingWorkNanos, int[] outstandingTasks, int window) {
    int best = -1;
    for (int w = 0; w < outstandingWorkNanos.length; w++) {
      if (outstandingTasks[w] < window
          && (best < 0 || outstandingWorkNanos[w] < outstandingWorkNanos[best])) {
        best = w;
      }
    }
    return best;
  }
}
