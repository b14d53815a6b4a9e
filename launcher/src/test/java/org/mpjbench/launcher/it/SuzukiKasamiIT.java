package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suzuki-Kasami through the real MPJ Express runtime (multicore): mutual exclusion holds, every
 * entry is served, every entry costs 0 or K messages, and the unsafe switch fails the run loudly.
 */
class SuzukiKasamiIT {
  @TempDir Path results;

  @Test
  void oneRankHoldsTheTokenAndSendsNothing() throws Exception {
    JsonNode result = MutexRuns.oneRankSendsNothing(results, "suzuki-kasami");
    assertEquals(20, result.at("/entriesWithTokenAtHand").asLong());
  }

  @Test
  void threeRanksTakeTurnsAtKMessagesPerAskingEntry() throws Exception {
    JsonNode result = MutexRuns.threeRanksServeEveryEntry(results, "suzuki-kasami");
    long asked = result.get("requestedEntries").asLong();
    assertEquals(60, asked + result.get("entriesWithTokenAtHand").asLong());
    assertTrue(asked > 0, "with three ranks the token has to move");
    assertEquals(3 * asked, result.get("messages").asLong(), "K-1 requests + 1 token per asking");
  }

  @Test
  void theUnsafeSwitchBreaksMutualExclusionAndFailsTheRun() throws Exception {
    LauncherRun run = MutexRuns.unsafeSwitchFails(results, "suzuki-kasami");
    // The verdict is a typed field of the record, not only words in the message.
    JsonNode violation = run.json().at("/error/violation");
    assertTrue(violation.get("property").asText().startsWith("mutual exclusion ("),
        violation.toString());
    assertFalse(violation.get("holds").asBoolean());
    assertTrue(violation.get("detail").asText().contains("overlap"), violation.toString());
  }
}
