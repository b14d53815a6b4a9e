package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Cristian's algorithm through the real MPJ Express runtime (multicore): every client ends within
 * half its shortest round trip of the server, and the messages are exactly two per sample and
 * client.
 */
class CristianIT extends OneAndThreeRanks {
  CristianIT() {
    super("cristian", List.of(), List.of("--samples", "6", "--spread-ms", "50"));
  }

  /** One rank has nobody to synchronize. */
  @Override
  void checkAlone(LauncherRun run, JsonNode result) {
    assertTrue(result.at("/check/detail").asText().contains("vacuously"), result.toString());
    assertEquals(0, result.get("clients").size());
    assertEquals(0, result.get("baselineRoundTripNanos").asLong());
  }

  /** Three ranks end within half their shortest round trip. */
  @Override
  void checkThreeRanks(LauncherRun run, JsonNode result) throws Exception {
    assertEquals(6, run.json().at("/parameters/samples").asInt());
    assertEquals(2 * 2 * 6, result.get("messages").asLong(), "a request and a reply per sample");
    assertEquals(2, result.get("clients").size());
    assertTrue(result.get("baselineRoundTripNanos").asLong() > 0, result.toString());
    assertTrue(result.get("maxTrueErrorBeforeNanos").asLong() > 1_000_000,
        "the clocks start milliseconds apart: " + result);
    for (JsonNode client : result.get("clients")) {
      long error = Math.abs(client.get("trueErrorAfterNanos").asLong());
      assertTrue(error <= client.get("boundNanos").asLong(), client.toString());
      assertTrue(client.get("minRoundTripNanos").asLong() > 0, client.toString());
      assertTrue(client.get("minRoundTripNanos").asLong()
          <= client.get("medianRoundTripNanos").asLong(), client.toString());
    }
    run.expectOut("property     every client's true error", ": holds");
  }
}
