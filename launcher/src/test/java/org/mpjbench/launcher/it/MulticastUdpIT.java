package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multicast over real UDP/IP multicast through the MPJ Express runtime (multicore, so on the
 * loopback interface): plain UDP reports its figures honestly, reliable UDP delivers every message
 * to every member exactly once, in order, even under a load that makes the loopback drop datagrams.
 */
class MulticastUdpIT {
  @TempDir Path results;

  @Test
  void plainUdpAtFourRanksReportsWhatItDelivered() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "multicast", "-np", "4", "--messages",
        "200", "--transport", "udp");
    JsonNode result = run.completeResult();
    assertEquals("udp", result.get("transport").asText());
    assertEquals("lo", result.get("networkInterface").asText(), "one host: loopback");
    assertTrue(result.get("group").asText().startsWith("239.255.77.1:"), result.toString());
    assertEquals(200, result.get("udpDatagramsSent").asLong());
    long lost = result.get("udpLost").asLong();
    // Rank 0 delivers its own 200; each of 3 members the first copy of all it received.
    assertEquals(4 * 200 - lost, result.get("deliveries").asLong(), result.toString());
    assertEquals(0, result.get("udpGarbage").asLong(), result.toString());
    run.expectOut("udp          lost " + lost);
  }

  @Test
  void reliableUdpAtFourRanksDeliversEverythingExactlyOnceInOrder() throws Exception {
    // Enough datagrams, fast enough, that the members' socket buffers usually overflow: the
    // repair rounds then have work to do.
    LauncherRun run = LauncherRun.run(results, "run", "multicast", "-np", "4", "--messages",
        "20000", "--payload-longs", "128", "--transport", "udp", "--reliable");
    JsonNode result = run.completeResult();
    assertTrue(result.get("reliable").asBoolean());
    assertTrue(result.at("/check/property").asText().contains("exactly once, in sequence order"),
        result.toString());
    assertEquals(4 * 20_000, result.get("deliveries").asLong(), result.toString());
    long repeated = result.get("repairedByMulticast").asLong()
        + result.get("repairedByMpi").asLong();
    assertTrue(result.get("udpLost").asLong() == 0 || repeated > 0, result.toString());
    assertEquals(20_000 + result.get("repairedByMulticast").asLong(),
        result.get("udpDatagramsSent").asLong(), result.toString());
    run.expectOut("property     every member delivers every message exactly once, in sequence"
        + " order: holds");
  }
}
