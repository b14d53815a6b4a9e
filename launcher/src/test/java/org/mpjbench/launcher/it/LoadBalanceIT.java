package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load balancing through the real MPJ Express runtime (multicore): every task is done once under
 * each policy, with the predicted message counts.
 */
class LoadBalanceIT {
  @TempDir Path results;

  @Test
  void oneRankDoesEverythingItself() throws Exception {
    JsonNode result = LauncherRun.aloneResult(results, "load-balance", "--tasks", "40",
        "--mean-task-us", "200");
    assertEquals(3, result.get("policies").size());
    for (JsonNode policy : result.get("policies")) {
      assertEquals(40, policy.at("/tasksPerWorker/0").asInt(), policy.toString());
    }
  }

  @Test
  void threeRanksDoEveryTaskOnceUnderEveryPolicy() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "load-balance", "-np", "3", "--tasks", "60",
        "--mean-task-us", "200");
    JsonNode result = run.completeResult();
    assertEquals(2, result.get("workers").asInt());
    JsonNode policies = result.get("policies");
    assertEquals(3, policies.size());
    // A task and a result per task, a stop per worker; work stealing adds a first request each.
    assertEquals(2 * 60 + 2, policies.get(0).get("messages").asLong());
    assertEquals(2 * 60 + 2, policies.get(1).get("messages").asLong());
    assertEquals(2 * 60 + 4, policies.get(2).get("messages").asLong());
    assertEquals(3 * 2 * 60 + 8, result.get("messages").asLong());
    assertEquals(30, policies.get(0).at("/tasksPerWorker/0").asInt(), "round robin splits evenly");
    for (JsonNode policy : policies) {
      assertTrue(policy.at("/check/holds").asBoolean(), policy.toString());
      assertTrue(policy.get("makespanNanos").asLong() >= result.get("lowerBoundNanos").asLong(),
          policy.toString());
    }
    run.expectOut("property     every task is done exactly once: holds");
  }
}
