package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ricart-Agrawala through the real MPJ Express runtime (multicore): mutual exclusion holds, every
 * entry is served, every entry costs exactly 2(K-1) messages, and the unsafe switch fails the run
 * loudly.
 */
class RicartAgrawalaIT {
  @TempDir Path results;

  @Test
  void oneRankEntersWithoutAskingAnybody() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "ricart-agrawala", "-np", "1");
    JsonNode result = run.completeResult();
    assertEquals(0, result.get("messages").asLong());
    assertEquals(20, result.at("/figures/entries").asLong());
    run.expectOut(": holds");
  }

  @Test
  void threeRanksSendExactlyTwoKMinusOneMessagesPerEntry() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "ricart-agrawala", "-np", "3");
    JsonNode result = run.completeResult();
    assertEquals(60, result.at("/figures/entries").asLong());
    assertEquals(2 * 2 * 60, result.get("messages").asLong(), "2(K-1) per entry");
    assertEquals(2 * 2 * 60, result.get("expectedMessages").asLong());
    assertEquals(4.0, result.at("/figures/messagesPerEntry").asDouble());
    assertTrue(result.at("/figures/maxWaitNanos").asLong() > 0);
  }

  @Test
  void theUnsafeSwitchBreaksMutualExclusionAndFailsTheRun() throws Exception {
    LauncherRun run =
        LauncherRun.run(results, "run", "ricart-agrawala", "-np", "3", "--unsafe",
            // Long stays and short pauses: three unguarded ranks cannot avoid overlapping.
            "--hold-us", "5000", "--think-us", "50");
    run.expectFailed("property violated: mutual exclusion", "overlap");
  }
}
