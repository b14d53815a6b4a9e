package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The square-root service through the real MPJ Express runtime (multicore): every call answered
 * once and right, with a registration, the lookups and a call and a reply per call as messages.
 */
class RemoteCallIT extends OneAndThreeRanks {
  RemoteCallIT() {
    super("remote-call", List.of(), List.of("--calls", "60", "--negative-ratio", "0.25"));
  }

  /** One rank calls its own service locally. */
  @Override
  void checkAlone(LauncherRun run, JsonNode result) {
    assertEquals(0, result.get("serviceRank").asInt());
    assertEquals(200, result.get("calls").asLong());
    assertEquals(0, result.get("baselineRoundTripNanos").asLong());
  }

  /** Three ranks get every reply right. */
  @Override
  void checkThreeRanks(LauncherRun run, JsonNode result) {
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
