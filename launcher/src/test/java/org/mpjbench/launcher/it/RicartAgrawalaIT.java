package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    JsonNode result = MutexRuns.oneRankSendsNothing(results, "ricart-agrawala");
    assertEquals(20, result.at("/figures/entries").asLong());
  }

  @Test
  void threeRanksSendExactlyTwoKMinusOneMessagesPerEntry() throws Exception {
    JsonNode result = MutexRuns.threeRanksServeEveryEntry(results, "ricart-agrawala");
    assertEquals(2 * 2 * 60, result.get("messages").asLong(), "2(K-1) per entry");
    assertEquals(2 * 2 * 60, result.get("expectedMessages").asLong());
    assertEquals(4.0, result.at("/figures/messagesPerEntry").asDouble());
  }

  @Test
  void theUnsafeSwitchBreaksMutualExclusionAndFailsTheRun() throws Exception {
    MutexRuns.unsafeSwitchFails(results, "ricart-agrawala");
  }
}
