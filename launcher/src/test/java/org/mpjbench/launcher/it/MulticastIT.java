package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multicast through the real MPJ Express runtime (multicore): every member delivers every message
 * once (in one order under the sequencer), with the predicted message counts.
 */
class MulticastIT {
  @TempDir Path results;

  @Test
  void oneRankDeliversToItselfWithoutMessages() throws Exception {
    JsonNode result = LauncherRun.aloneResult(results, "multicast", "--messages", "50");
    assertEquals(50, result.get("deliveries").asLong());
  }

  @Test
  void threeRanksDeliverEveryMessageOnceByBcast() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "multicast", "-np", "3", "--messages", "60");
    JsonNode result = run.completeResult();
    assertEquals(3 * 60, result.get("deliveries").asLong());
    assertEquals(2 * 60, result.get("messages").asLong(), "one per other member and message");
    assertTrue(result.get("medianLatencyNanos").asLong() > 0, result.toString());
    run.expectOut("property     every member delivers every message exactly once: holds");
  }

  @Test
  void threeRanksAgreeOnOneOrderUnderTheSequencerPointToPoint() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "multicast", "-np", "3", "--messages", "60",
        "--mode", "p2p", "--total-order", "sequencer");
    JsonNode result = run.completeResult();
    assertTrue(result.at("/check/property").asText().contains("same order"), result.toString());
    assertEquals(3 * 60, result.get("deliveries").asLong());
    // 40 submissions from ranks 1 and 2 (20 each), then 2 forwards per message.
    assertEquals(40 + 2 * 60, result.get("messages").asLong());
  }
}
