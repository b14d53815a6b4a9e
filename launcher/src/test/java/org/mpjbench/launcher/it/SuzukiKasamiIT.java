package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Suzuki-Kasami through the real MPJ Express runtime (multicore): mutual exclusion holds, every
 * entry is served, every entry costs 0 or K messages, and the unsafe switch fails the run loudly.
 * One rank holds the token and sends nothing.
 */
class SuzukiKasamiIT extends MutexRuns {
  SuzukiKasamiIT() {
    super("suzuki-kasami", "/entriesWithTokenAtHand");
  }

  /** Three ranks take turns at K messages per asking entry. */
  @Override
  void checkMessages(JsonNode result) {
    long asked = result.get("requestedEntries").asLong();
    assertEquals(60, asked + result.get("entriesWithTokenAtHand").asLong());
    assertTrue(asked > 0, "with three ranks the token has to move");
    assertEquals(3 * asked, result.get("messages").asLong(), "K-1 requests + 1 token per asking");
  }

  @Override
  void checkUnsafe(LauncherRun run) throws Exception {
    super.checkUnsafe(run);
    // The verdict is a typed field of the record, not only words in the message.
    JsonNode violation = run.json().at("/error/violation");
    assertTrue(violation.get("property").asText().startsWith("mutual exclusion ("),
        violation.toString());
    assertFalse(violation.get("holds").asBoolean());
    assertTrue(violation.get("detail").asText().contains("overlap"), violation.toString());
  }
}
