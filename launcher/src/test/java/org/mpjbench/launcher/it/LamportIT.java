package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lamport (and vector) clocks through the real MPJ Express runtime (multicore): the gathered trace
 * satisfies the clock condition, vector clocks match happened-before, and the counts are those of
 * the pattern.
 */
class LamportIT {
  @TempDir Path results;

  @Test
  void oneRankHasOnlyLocalEvents() throws Exception {
    JsonNode result = LauncherRun.aloneResult(results, "lamport", "--vector");
    assertEquals(result.get("events").asLong(), result.get("localEvents").asLong());
    assertEquals(result.get("events").asLong(), result.get("maxLamportStamp").asLong(),
        "one rank ticks once per event");
  }

  @Test
  void threeRanksWithVectorClocksKeepBothProperties() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "lamport", "-np", "3", "--vector",
        "--messages", "300");
    JsonNode result = run.completeResult();
    assertEquals(2, result.get("checks").size());
    for (JsonNode check : result.get("checks")) {
      assertTrue(check.get("holds").asBoolean(), check.toString());
    }
    assertEquals(300, result.get("messages").asLong());
    assertEquals(2 * 300 + result.get("localEvents").asLong(), result.get("events").asLong(),
        "a send and a receive per message, plus the local events");
    assertTrue(result.get("medianMessageNanos").asLong() > 0);
    run.expectOut("V(a) < V(b) iff a happened before b: holds");
  }

  @Test
  void withoutVectorsOnlyTheLamportCheckRuns() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "lamport", "-np", "3");
    JsonNode result = run.completeResult();
    assertEquals(1, result.get("checks").size());
    assertEquals(200, result.get("messages").asLong());
  }
}
