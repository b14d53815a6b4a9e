package org.mpjbench.kernels.loadbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.loadbalance.LoadBalanceCheck.TaskResult;

class LoadBalanceTest {
  private static List<TaskResult> allOnce(int tasks) {
    List<TaskResult> results = new ArrayList<>();
    for (int task = 0; task < tasks; task++) {
      results.add(new TaskResult(task, 1 + task % 2, 10L * task, 10L * task + 5));
    }
    return results;
  }

  @Test
  void everyTaskOnceHolds() {
    PropertyCheck check = LoadBalanceCheck.check("round-robin", 5, allOnce(5));
    assertTrue(check.holds(), check.detail());
  }

  @Test
  void aMissingTaskIsCaught() {
    List<TaskResult> results = allOnce(5);
    results.remove(3);
    PropertyCheck check = LoadBalanceCheck.check("least-loaded", 5, results);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("task 3 was never done"), check.detail());
  }

  @Test
  void aTaskDoneTwiceIsCaught() {
    List<TaskResult> results = allOnce(5);
    results.add(new TaskResult(2, 2, 100, 120));
    PropertyCheck check = LoadBalanceCheck.check("work-stealing", 5, results);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("task 2 was done twice (again by rank 2)"),
        check.detail());
  }

  @Test
  void roundRobinCyclesOverTheWorkers() {
    int[] order = new int[7];
    for (int task = 0; task < 7; task++) {
      order[task] = Policies.roundRobin(task, 3);
    }
    assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, order);
  }

  @Test
  void leastLoadedPicksTheLightestWorkerWithRoom() {
    assertEquals(1, Policies.leastLoaded(new long[] {500, 100, 300}, new int[] {1, 1, 1}, 2));
    assertEquals(2, Policies.leastLoaded(new long[] {500, 100, 300}, new int[] {1, 2, 1}, 2));
    assertEquals(0, Policies.leastLoaded(new long[] {0, 0, 0}, new int[] {0, 0, 0}, 2));
    assertEquals(-1, Policies.leastLoaded(new long[] {1, 2}, new int[] {2, 2}, 2));
  }

  @Test
  void theStealingPoolServesOwnQueueThenStealsFromTheLongest() {
    StealingPool pool = new StealingPool(7, 2); // queue 0: 0 2 4 6, queue 1: 1 3 5
    assertEquals(1, pool.next(1));
    assertEquals(3, pool.next(1));
    assertEquals(5, pool.next(1));
    assertEquals(6, pool.next(1)); // steals the tail of queue 0
    assertEquals(1, pool.steals());
    assertEquals(0, pool.next(0));
    assertEquals(2, pool.next(0));
    assertEquals(4, pool.next(0));
    assertEquals(-1, pool.next(0));
    assertEquals(-1, pool.next(1));
  }

  @Test
  void theTaskStreamIsSeededSkewedAndHasRoughlyTheMean() {
    long[] costs = TaskStream.costsNanos(1, 20_000, 500_000);
    assertArrayEquals(costs, TaskStream.costsNanos(1, 20_000, 500_000));
    double mean = java.util.Arrays.stream(costs).average().orElseThrow();
    assertTrue(mean > 400_000 && mean < 600_000, "mean " + mean);
    long max = java.util.Arrays.stream(costs).max().orElseThrow();
    assertTrue(max > 2_000_000 && max <= 10_000_000, "max " + max);
  }

  @Test
  void parametersNameTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LoadBalanceParameters(10, 500, "random", 1, 100));
    assertTrue(e.getMessage().contains("--policy"));
    assertThrows(IllegalArgumentException.class,
        () -> new LoadBalanceParameters(0, 500, "all", 1, 100));
    assertEquals(3, LoadBalanceParameters.DEFAULTS.policies().size());
  }

  @Test
  void executeParksAtLeastTheCost() {
    long start = System.nanoTime();
    LoadBalanceKernel.execute(2_000_000);
    assertTrue(System.nanoTime() - start >= 2_000_000);
  }
}
