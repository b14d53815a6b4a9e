package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Bully election through the real MPJ Express runtime (multicore): every live rank agrees on
 * the highest live rank, the messages lie within the configuration's bounds (exactly the count
 * where the bounds meet), and messages to crashed ranks block nobody.
 */
class BullyIT {
  @TempDir Path results;

  @Test
  void oneRankElectsItselfWithoutAMessage() throws Exception {
    ElectionRuns.electedAloneWithoutAMessage(
        complete(LauncherRun.run(results, "run", "bully", "-np", "1")));
  }

  @Test
  void threeRanksWithTheOldCoordinatorCrashedElectRankOne() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "bully", "-np", "3", "--initiator", "0");
    JsonNode result = complete(run);
    ElectionRuns.rankOneElectedAfterTheDefaultCrash(run, result,
        "rank 1 waits out a timeout for rank 2");
    // 0: ELECTION to 1 and 2; 1: OK to 0, ELECTION to 2, no OK, COORDINATOR to 0.
    assertEquals(5, result.get("messages").asLong());
    assertEquals(5, result.at("/bounds/lower").asLong());
    assertEquals(5, result.at("/bounds/upper").asLong());
    assertEquals(2, result.get("unreadMessages").asLong(), "the ELECTIONs to rank 2");
  }

  @Test
  void threeRanksWithoutCrashStayWithinTheWorstCase() throws Exception {
    JsonNode result = complete(LauncherRun.run(results, "run", "bully", "-np", "3", "--crash",
        "none", "--initiator", "0"));
    assertEquals(2, result.get("coordinator").asInt());
    assertEquals(8, result.at("/bounds/worstCase").asLong());
    assertEquals(0, result.get("restarts").asLong());
  }

  /** Checks the run completed with its property held and the count within the bounds. */
  private static JsonNode complete(LauncherRun run) throws Exception {
    JsonNode result = run.completeResult();
    long messages = result.get("messages").asLong();
    assertTrue(result.at("/bounds/lower").asLong() <= messages
        && messages <= result.at("/bounds/upper").asLong(), result.toString());
    return result;
  }
}
