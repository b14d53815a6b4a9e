package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name server through the real MPJ Express runtime (multicore): every answer right, and
 * exactly one request and one answer per registration and per lookup.
 */
class NamingIT {
  @TempDir Path results;

  @Test
  void oneRankResolvesItsOwnNamesLocally() throws Exception {
    JsonNode result = LauncherRun.aloneResult(results, "naming");
    assertEquals(1, result.get("clients").asInt());
    assertEquals(20, result.get("registered").asLong());
    assertEquals(200, result.get("lookups").asLong());
    assertTrue(result.get("misses").asLong() > 0, result.toString());
  }

  @Test
  void threeRanksGetEveryAnswerRight() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "naming", "-np", "3", "--names", "10",
        "--lookups", "50", "--miss-ratio", "0.2");
    JsonNode result = run.completeResult();
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
