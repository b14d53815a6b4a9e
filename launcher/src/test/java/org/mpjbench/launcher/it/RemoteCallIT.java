package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The square-root service through the real MPJ Express runtime (multicore): every call answered
 * once and right, with a registration, the lookups and a call and a reply per call as messages.
 */
class RemoteCallIT {
  @TempDir Path results;

  @Test
  void oneRankCallsItsOwnServiceLocally() throws Exception {
    JsonNode result = LauncherRun.aloneResult(results, "remote-call");
    assertEquals(0, result.get("serviceRank").asInt());
    assertEquals(200, result.get("calls").asLong());
    assertEquals(0, result.get("baselineRoundTripNanos").asLong());
  }

  @Test
  void threeRanksGetEveryReplyRight() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "remote-call", "-np", "3", "--calls", "60",
        "--negative-ratio", "0.25");
    JsonNode result = run.completeResult();
    assertEquals(2, result.get("serviceRank").asInt());
    assertEquals(2, result.get("clients").asInt());
    assertEquals(120, result.get("calls").asLong());
    assertTrue(result.get("errorReplies").asLong() > 0, result.toString());
    // Registration (2), rank 1's lookup (2; rank 0 looks up in its own registry), 2 per call.
    assertEquals(2 + 2 + 2 * 120, result.get("messages").asLong());
    assertTrue(result.get("baselineRoundTripNanos").asLong() > 0, result.toString());
    assertTrue(result.get("medianCallNanos").asLong() > 0, result.toString());
    run.expectOut("property     every call answered once", "MPI ping-pong");
  }
}
