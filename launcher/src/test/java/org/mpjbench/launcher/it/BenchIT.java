package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.ResultWriter;

/**
 * The JMH matrix on real MPJ ranks: {@code bench --quick} for 1 and 2 ranks yields a real score
 * for every session benchmark and for kernel runs, the merged table and the charts; a deliberately
 * broken Berkeley configuration, and mutual exclusion without permission, fail the run loudly.
 */
class BenchIT {
  @TempDir Path work;

  @Test
  void quickBenchOnOneAndTwoRanksScoresEverySessionBenchmark() throws Exception {
    Path results = work.resolve("bench");
    Path plots = work.resolve("plots");
    LauncherRun bench = LauncherRun.runPlain("bench", "--quick", "--ranks", "1,2",
        "--benchmarks", "berkeley-round,download,ping-pong,allreduce",
        "--results", results.toString(), "--plots", plots.toString());
    bench.expectExit(0);
    for (int ranks = 1; ranks <= 2; ranks++) {
      JsonNode jmh = ResultWriter.mapper().readTree(results.resolve("jmh-" + ranks + "r.json")
          .toFile());
      Set<String> seen = new HashSet<>();
      for (JsonNode entry : jmh) {
        String benchmark = entry.get("benchmark").asText();
        seen.add(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1)
            + 1, benchmark.lastIndexOf('.')));
        double score = entry.at("/primaryMetric/score").asDouble();
        assertTrue(score > 0 && Double.isFinite(score), benchmark + " scored " + score);
        assertEquals(Integer.toString(ranks), entry.at("/params/ranks").asText());
        assertEquals(0, entry.get("forks").asInt(), "JMH runs inside rank 0");
      }
      assertTrue(seen.containsAll(Set.of("BerkeleyRoundBenchmark", "DownloadBenchmark",
          "AllreduceBenchmark")), seen.toString());
      assertEquals(ranks > 1, seen.contains("PingPongBenchmark"), "ping-pong needs 2 ranks");
    }
    assertTrue(Files.size(results.resolve("bench.csv")) > 0);
    assertTrue(Files.readString(results.resolve("bench.md")).contains("|"));
    assertTrue(Files.isRegularFile(plots.resolve("throughput.png")));
    assertTrue(bench.out().contains("throughput.png"), bench.out());
  }

  @Test
  void kernelRunsAreTimedOnRealRanksAndCountTheirMessages() throws Exception {
    Path results = work.resolve("kernels");
    Path plots = work.resolve("kernel-plots");
    LauncherRun bench = LauncherRun.runPlain("bench", "--quick", "--ranks", "1,2",
        "--benchmarks", "lamport,ring-no-crash", "--results", results.toString(),
        "--plots", plots.toString());
    bench.expectExit(0);
    List<String> csv = Files.readAllLines(results.resolve("bench.csv"));
    assertEquals("benchmark,ranks,device,ops_per_s,error_ops_per_s,per_ping_pong,messages_per_s",
        csv.get(0));
    Map<String, String[]> rows = new TreeMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] fields = line.split(",", -1);
      rows.put(fields[0] + " " + fields[1], fields);
    }
    // ring-no-crash starts at 2 ranks: at 1 it would be the crashing ring's very run.
    assertEquals(Set.of("lamport 1", "lamport 2", "ring-no-crash 2"), rows.keySet());
    for (Map.Entry<String, String[]> row : rows.entrySet()) {
      double runsPerSecond = Double.parseDouble(row.getValue()[3]);
      assertTrue(runsPerSecond > 0 && Double.isFinite(runsPerSecond), row.getKey());
      double messagesPerSecond = Double.parseDouble(row.getValue()[6]);
      assertEquals(row.getKey().endsWith(" 2"), messagesPerSecond > 0,
          row.getKey() + ": messages between ranks only with 2 ranks, " + messagesPerSecond);
    }
    // A ring election with 2 live ranks: 2 ELECTION, 2 COORDINATOR and 4 ACK messages.
    String[] ring = rows.get("ring-no-crash 2");
    assertEquals(8, Double.parseDouble(ring[6]) / Double.parseDouble(ring[3]), 0.5,
        "messages per run");
    assertTrue(Files.isRegularFile(plots.resolve("kernel-throughput.png")));
    assertFalse(Files.exists(plots.resolve("throughput.png")), "no session benchmark ran");
    assertTrue(bench.out().contains("lamport"), bench.out());
  }

  @Test
  void mutualExclusionWithoutPermissionFailsTheBenchWithTheViolatedProperty() throws Exception {
    assertBrokenBenchFails("property violated: mutual exclusion", "--benchmarks",
        "ricart-agrawala", "--mutex-unsafe");
  }

  @Test
  void aBrokenBerkeleyConfigurationFailsTheBenchLoudly() throws Exception {
    assertBrokenBenchFails("Berkeley check failed", "--benchmarks", "berkeley-round",
        "--berkeley-tolerance-us", "0");
  }

  /**
   * A bench stopped by SIGTERM (as Ctrl-C) during its first JMH run says, before its JVM ends,
   * that it was interrupted, where that run's partial record went and that no rank count is done;
   * it makes no table nor chart and leaves no process.
   */
  @Test
  void anInterruptedBenchSaysWhereItStopped() throws Exception {
    Path results = work.resolve("stopped");
    Path plots = work.resolve("stopped-plots");
    Path log = work.resolve("bench.log");
    Process launcher = Processes.startLauncher(log, "bench", "--ranks", "2,3", "--benchmarks",
        "ping-pong", "--results", results.toString(), "--plots", plots.toString());
    Processes.terminateOnceRunning(launcher, Duration.ofSeconds(3));
    String out = Files.readString(log);
    assertTrue(out.contains("mpjbench: partial result written to "), out);
    assertTrue(out.contains("mpjbench: bench interrupted during the JMH run on 2 ranks; no rank"
        + " count done"), out);
    assertFalse(Files.exists(results.resolve("jmh-2r.json")), out);
    assertFalse(Files.exists(results.resolve("bench.csv")), out);
    assertFalse(Files.exists(plots.resolve("throughput.png")), out);
    Processes.assertNoDescendants(ProcessHandle.current(), "the interrupted bench");
  }

  /**
   * {@code bench --quick --ranks 2} with {@code options} that break a check ends with exit 1,
   * the check's {@code message} and no chart, and leaves no process behind.
   */
  private void assertBrokenBenchFails(String message, String... options) throws Exception {
    Path plots = work.resolve("p");
    List<String> args = new ArrayList<>(List.of("bench", "--quick", "--ranks", "2",
        "--results", work.resolve("broken").toString(), "--plots", plots.toString()));
    args.addAll(List.of(options));
    LauncherRun bench = LauncherRun.runPlain(args.toArray(String[]::new));
    bench.expectExit(1);
    assertTrue(bench.err().contains(message), bench.err());
    assertTrue(bench.err().contains("bench stopped"), bench.err());
    assertFalse(Files.exists(plots.resolve("throughput.png")));
    assertFalse(Files.exists(plots.resolve("kernel-throughput.png")));
    Processes.assertNoDescendants(ProcessHandle.current(), "the failed bench");
  }
}
