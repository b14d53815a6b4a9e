package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ricart-Agrawala through the real MPJ Express runtime (multicore): mutual exclusion holds, every
 * entry is served, every entry costs exactly 2(K-1) messages, and the unsafe switch fails the run
 * loudly. One rank enters without asking anybody.
 */
class RicartAgrawalaIT extends MutexRuns {
  RicartAgrawalaIT() {
    super("ricart-agrawala", "/figures/entries");
  }

  /** Three ranks send exactly 2(K-1) messages per entry. */
  @Override
  void checkMessages(JsonNode result) {
    assertEquals(2 * 2 * 60, result.get("messages").asLong(), "2(K-1) per entry");
    assertEquals(2 * 2 * 60, result.get("expectedMessages").asLong());
    assertEquals(4.0, result.at("/figures/messagesPerEntry").asDouble());
  }
}
