package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks the election kernels' integration tests share (Bully, ring): what one rank alone
 * elects, and the default crash of the old coordinator on three ranks.
 */
final class ElectionRuns {
  /** The least an election that waits out one timeout for a crashed rank takes, in ns. */
  private static final long ONE_TIMEOUT_NANOS = 200_000_000L;

  private ElectionRuns() {}

  /** Checks that a run on one rank elected that rank without a message. */
  static void electedAloneWithoutAMessage(JsonNode result) {
    assertEquals(0, result.get("coordinator").asInt());
    assertEquals(0, result.get("messages").asLong());
  }

  /**
   * Checks that a run on three ranks with the default crash (rank 2, the old coordinator) elected
   * rank 1 and said so, after waiting out a timeout for rank 2 ({@code whyItWaits} says where).
   */
  static void rankOneElectedAfterTheDefaultCrash(LauncherRun run, JsonNode result,
      String whyItWaits) {
    assertEquals("[2]", result.get("crashedRanks").toString(), "the default crash");
    assertEquals(1, result.get("coordinator").asInt());
    assertTrue(result.get("latencyMaxNanos").asLong() >= ONE_TIMEOUT_NANOS,
        whyItWaits + ": " + result.get("latencyMaxNanos"));
    run.expectOut("property     every live rank agrees on coordinator 1");
  }
}
