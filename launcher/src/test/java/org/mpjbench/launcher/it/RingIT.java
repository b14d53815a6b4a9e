package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ring election through the real MPJ Express runtime (multicore): every live rank agrees on
 * the highest live rank, and the ranks send exactly the predicted messages, with and without
 * crashed ranks, whose unacknowledged ELECTIONs block nobody.
 */
class RingIT {
  @TempDir Path results;

  @Test
  void oneRankElectsItselfWithoutAMessage() throws Exception {
    JsonNode result = complete(LauncherRun.run(results, "run", "ring", "-np", "1"));
    ElectionRuns.electedAloneWithoutAMessage(result);
    assertEquals(0, result.get("predictedMessages").asLong());
  }

  @Test
  void threeRanksWithTheOldCoordinatorCrashedElectRankOne() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "ring", "-np", "3");
    JsonNode result = complete(run);
    ElectionRuns.rankOneElectedAfterTheDefaultCrash(run, result,
        "skipping rank 2 costs a timeout");
    // 2 live ranks: 2 ELECTION + 2 COORDINATOR forwards, 4 acks, 1 attempt at rank 2.
    assertEquals(9, result.get("messages").asLong());
    assertEquals(1, result.get("unreadMessages").asLong());
    assertEquals(1, result.at("/counted/unacknowledged").asLong());
  }

  @Test
  void threeRanksWithoutCrashSendTwelveMessages() throws Exception {
    JsonNode result = complete(LauncherRun.run(results, "run", "ring", "-np", "3", "--crash",
        "none", "--initiator", "1"));
    assertEquals(2, result.get("coordinator").asInt());
    assertEquals(12, result.get("messages").asLong());
    assertEquals(0, result.get("unreadMessages").asLong());
  }

  @Test
  void aCrashedInitiatorIsRefusedBeforeAnyRankStarts() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "ring", "-np", "3", "--initiator", "2");
    run.expectExit(2);
    assertTrue(run.err().contains("--initiator 2 has crashed"), run.err());
  }

  /** Checks the run completed with its property held and the count as predicted. */
  private static JsonNode complete(LauncherRun run) throws Exception {
    JsonNode result = run.completeResult();
    assertEquals(result.get("predictedMessages").asLong(), result.get("messages").asLong());
    return result;
  }
}
