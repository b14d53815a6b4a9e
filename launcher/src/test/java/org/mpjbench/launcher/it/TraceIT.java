package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mutex.MutexCheck;
import org.mpjbench.kernels.results.ResultWriter;

/**
 * {@code --trace FILE}: every event of a run appended as a JSON line, flushed at once, so that a
 * second process can follow the file while the run goes on; with the kernels' own steps from
 * every rank, enough to check an algorithm's property from the file alone.
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

  /** Runs {@code arguments} with {@code --trace}, which must succeed; the trace's lines. */
  private List<JsonNode> tracedRun(String... arguments) throws Exception {
    Path trace = work.resolve("trace.jsonl");
    List<String> command = new ArrayList<>(List.of("run"));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--trace", trace.toString()));
    LauncherRun.run(work.resolve("results"), command.toArray(String[]::new)).expectExit(0);
    return lines(trace);
  }

  @Test
  void everyEventOfARunIsOneJsonLine() throws Exception {
    List<JsonNode> lines = tracedRun("berkeley", "-np", "3", "--rounds", "4");
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

  private static List<JsonNode> kernelEvents(List<JsonNode> lines, String kind) {
    return lines.stream().filter(l -> l.get("event").asText().equals("kernel"))
        .filter(l -> l.at("/payload/kind").asText().equals(kind)).toList();
  }

  /** Every rank's kernel events come before its done line: none is lost at the end. */
  private static void assertEventsBeforeDone(List<JsonNode> lines, int ranks) {
    for (int rank = 0; rank < ranks; rank++) {
      boolean done = false;
      for (JsonNode line : lines) {
        if (line.path("rank").asInt(-1) != rank) {
          continue;
        }
        String event = line.get("event").asText();
        assertFalse(done && event.equals("kernel"), "rank " + rank + " traced after done: " + line);
        done |= event.equals("done");
      }
      assertTrue(done, "rank " + rank + " finished");
    }
  }

  @Test
  void mutualExclusionCanBeCheckedFromTheTraceAlone() throws Exception {
    int entries = 5;
    // Every line parses as JSON.
    List<JsonNode> lines =
        tracedRun("ricart-agrawala", "-np", "3", "--entries", String.valueOf(entries));
    assertEventsBeforeDone(lines, 3);
    assertTrue(lines.stream().noneMatch(l -> l.get("event").asText().equals("dropped")));
    // Rebuild every rank's critical-section intervals from its enter and exit events.
    long[][] intervals = new long[3][2 * entries];
    int[] seen = new int[3];
    for (String kind : List.of("enter", "exit")) {
      for (JsonNode event : kernelEvents(lines, kind)) {
        int rank = event.get("rank").asInt();
        int entry = event.at("/payload/entry").asInt();
        intervals[rank][2 * entry + (kind.equals("exit") ? 1 : 0)] =
            event.at("/payload/nanos").asLong();
        seen[rank]++;
      }
    }
    assertArrayEquals(new int[] {2 * entries, 2 * entries, 2 * entries}, seen,
        "an enter and an exit per entry from every rank");
    PropertyCheck fromTrace = MutexCheck.check(intervals, entries);
    assertTrue(fromTrace.holds(), fromTrace.detail());
    // The messages tell the algorithm's story: 2(K-1) per entry, each sent and received.
    assertEquals(2 * 2 * 3 * entries, kernelEvents(lines, "send").size());
    assertEquals(2 * 2 * 3 * entries, kernelEvents(lines, "receive").size());
  }

  @Test
  void everyLiveRankTracesTheCoordinatorItLearned() throws Exception {
    List<JsonNode> lines = tracedRun("bully", "-np", "3", "--initiator", "0");
    assertEventsBeforeDone(lines, 3);
    List<JsonNode> learned = kernelEvents(lines, "coordinator");
    assertEquals(List.of(0, 1), learned.stream().map(l -> l.get("rank").asInt()).sorted().toList(),
        "the live ranks 0 and 1 (rank 2 has crashed)");
    for (JsonNode event : learned) {
      assertEquals(1, event.at("/payload/coordinator").asInt(), event.toString());
    }
    assertEquals(1, kernelEvents(lines, "election-start").stream()
        .filter(l -> l.get("rank").asInt() == 0).count(), "the initiator's election");
    assertTrue(kernelEvents(lines, "send").stream().anyMatch(l ->
        l.at("/payload/message").asText().equals("OK") && l.get("rank").asInt() == 1
            && l.at("/payload/to").asInt() == 0), "rank 1 answered rank 0's ELECTION");
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
          // Every line whose \n has arrived is whole, as a follower takes them (tail -f): the
          // trace is flushed a line at a time; a long line may be caught half written before.
          String text = Files.readString(trace, StandardCharsets.UTF_8);
          List<String> arrived = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
          for (String line : arrived) {
            ResultWriter.mapper().readTree(line);
          }
          long progress = arrived.stream()
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
