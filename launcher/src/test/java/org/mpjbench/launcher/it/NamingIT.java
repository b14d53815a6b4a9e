package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The name server through the real MPJ Express runtime (multicore): every answer right, and
 * exactly one request and one answer per registration and per lookup.
 */
class NamingIT extends OneAndThreeRanks {
  NamingIT() {
    super("naming", List.of(),
        List.of("--names", "10", "--lookups", "50", "--miss-ratio", "0.2"));
  }

  /** One rank resolves its own names locally. */
  @Override
  void checkAlone(LauncherRun run, JsonNode result) {
    assertEquals(1, result.get("clients").asInt());
    assertEquals(20, result.get("registered").asLong());
    assertEquals(200, result.get("lookups").asLong());
    assertTrue(result.get("misses").asLong() > 0, result.toString());
  }

  /** Three ranks get every answer right. */
  @Override
  void checkThreeRanks(LauncherRun run, JsonNode result) {
    assertEquals(2, result.get("clients").asInt());
    assertEquals(20, result.get("registered").asLong());
    assertEquals(100, result.get("lookups").asLong());
    assertEquals(100, result.get("hits").asLong() + result.get("misses").asLong());
    assertTrue(result.get("misses").asLong() > 0, result.toString());
    assertEquals(2 * 2 * (10 + 50), result.get("messages").asLong(),
        "a request and an answer per registration and per lookup");
    assertTrue(result.get("medianLookupNanos").asLong() > 0, result.toString());
    run.expectOut("property     every resolution right", ": holds");
  }
}
