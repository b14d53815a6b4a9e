package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Load balancing through the real MPJ Express runtime (multicore): every task is done once under
 * each policy, with the predicted message counts.
 */
class LoadBalanceIT extends OneAndThreeRanks {
  LoadBalanceIT() {
    super("load-balance", List.of("--tasks", "40", "--mean-task-us", "200"),
        List.of("--tasks", "60", "--mean-task-us", "200"));
  }

  /** One rank does everything itself. */
  @Override
  void checkAlone(LauncherRun run, JsonNode result) {
    assertEquals(3, result.get("policies").size());
    for (JsonNode policy : result.get("policies")) {
      assertEquals(40, policy.at("/tasksPerWorker/0").asInt(), policy.toString());
    }
  }

  /** Three ranks do every task once under every policy. */
  @Override
  void checkThreeRanks(LauncherRun run, JsonNode result) {
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
