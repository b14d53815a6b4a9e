package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.results.ResultWriter;

/**
 * The JMH matrix on real MPJ ranks: {@code bench --quick} for 1 and 2 ranks yields a real score
 * for every benchmark, the merged table and the chart; a deliberately broken Berkeley
 * configuration fails the run loudly.
 */
class BenchIT {
  @TempDir Path work;

  @Test
  void quickBenchOnOneAndTwoRanksScoresEveryBenchmark() throws Exception {
    Path results = work.resolve("bench");
    Path plots = work.resolve("plots");
    LauncherRun bench = LauncherRun.runPlain("bench", "--quick", "--ranks", "1,2",
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
  void aBrokenBerkeleyConfigurationFailsTheBenchLoudly() throws Exception {
    LauncherRun bench = LauncherRun.runPlain("bench", "--quick", "--ranks", "2",
        "--benchmarks", "berkeley-round", "--berkeley-tolerance-us", "0",
        "--results", work.resolve("broken").toString(), "--plots", work.resolve("p").toString());
    bench.expectExit(1);
    assertTrue(bench.err().contains("Berkeley check failed"), bench.err());
    assertTrue(bench.err().contains("bench stopped"), bench.err());
    assertFalse(Files.exists(work.resolve("p").resolve("throughput.png")));
    Processes.assertNoDescendants(ProcessHandle.current(), "the failed bench");
  }
}
