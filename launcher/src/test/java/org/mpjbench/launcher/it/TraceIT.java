package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.results.ResultWriter;

/**
 * {@code --trace FILE}: every event of a run appended as a JSON line, flushed at once, so that a
 * second process can follow the file while the run goes on.
 */
class TraceIT {
  @TempDir Path work;

  private static List<JsonNode> lines(Path trace) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
      lines.add(ResultWriter.mapper().readTree(line));
    }
    return lines;
  }

  @Test
  void everyEventOfARunIsOneJsonLine() throws Exception {
    Path trace = work.resolve("run.jsonl");
    LauncherRun run = LauncherRun.run(work.resolve("results"), "run", "berkeley", "-np", "3",
        "--rounds", "4", "--trace", trace.toString());
    run.expectExit(0);
    List<JsonNode> lines = lines(trace);
    assertEquals(3, lines.stream().filter(l -> l.get("event").asText().equals("started")).count());
    assertEquals(4, lines.stream().filter(l -> l.get("event").asText().equals("progress")).count());
    assertEquals(1, lines.stream().filter(l -> l.get("event").asText().equals("result")).count());
    assertEquals(3, lines.stream().filter(l -> l.get("event").asText().equals("done")).count());
    double previous = -1;
    for (JsonNode line : lines) {
      assertTrue(line.get("seconds").asDouble() >= previous, "in time order: " + line);
      previous = line.get("seconds").asDouble();
    }
  }

  @Test
  void aSecondProcessCanFollowTheTraceWhileTheRunGoesOn() throws Exception {
    Path trace = work.resolve("follow.jsonl");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process launcher = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), "org.mpjbench.launcher.Main", "run", "berkeley",
        "-np", "2", "--rounds", "150", "--interval-ms", "20", "--trace", trace.toString(),
        "--results", work.resolve("results").toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
    int progressSeenWhileRunning = 0;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (launcher.isAlive() && System.nanoTime() < deadline) {
        if (Files.exists(trace)) {
          // Every line present is whole: the trace is flushed a line at a time.
          for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            ResultWriter.mapper().readTree(line);
          }
          long progress = Files.readAllLines(trace, StandardCharsets.UTF_8).stream()
              .filter(l -> l.contains("\"event\":\"progress\"")).count();
          if (launcher.isAlive() && progress > 0 && progress < 150) {
            progressSeenWhileRunning = (int) progress;
          }
        }
        Thread.sleep(200);
      }
      assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, launcher.exitValue(), Files.readString(work.resolve("out.txt")));
    } finally {
      launcher.destroyForcibly();
    }
    assertTrue(progressSeenWhileRunning > 0, "rounds were readable while the run went on");
    assertEquals(150, lines(trace).stream()
        .filter(l -> l.get("event").asText().equals("progress")).count());
  }
}
