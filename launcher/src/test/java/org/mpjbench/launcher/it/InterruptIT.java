package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.ResultWriter;

/**
 * A run stopped halfway (SIGTERM, as Ctrl-C or a batch system would) keeps the rounds it had, in a
 * result file marked partial and interrupted, and leaves no MPJ process behind.
 */
class InterruptIT {
  @TempDir Path results;

  @Test
  void aTerminatedRunWritesItsPartialResult() throws Exception {
    Path trace = results.resolve("run.trace");
    Process launcher = Processes.startLauncher(results.resolve("launcher.log"), "run", "berkeley",
        "-np", "3", "--rounds", "10000", "--interval-ms", "20", "--results", results.toString(),
        "--trace", trace.toString());
    try {
      // Interrupt once rounds are under way: the trace shows their progress records.
      Processes.awaitTraceEvent(trace, "progress", 3, Duration.ofSeconds(90), launcher::isAlive);
      List<ProcessHandle> started = launcher.toHandle().descendants().toList();
      assertFalse(started.isEmpty(), "the launcher started the MPJ runtime");
      launcher.destroy(); // SIGTERM
      assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher ends after SIGTERM");
      assertEquals(143, launcher.exitValue(), "exit status of a JVM ended by SIGTERM");
      for (ProcessHandle process : started) {
        process.onExit().get(10, TimeUnit.SECONDS);
        assertFalse(process.isAlive(), "left running: " + process.info().commandLine());
      }
    } finally {
      launcher.destroyForcibly();
    }
    Path file = LauncherRun.newestResult(results);
    assertNotNull(file, "a result file was written");
    JsonNode json = ResultWriter.mapper().readTree(file.toFile());
    assertEquals("interrupted", json.get("status").asText());
    assertTrue(json.get("partial").asBoolean());
    assertTrue(json.get("partialRecords").size() >= 1,
        "rounds received before the interrupt are kept: " + json.get("partialRecords").size());
    assertEquals(1, json.at("/partialRecords/0/round").asInt());
  }
}
