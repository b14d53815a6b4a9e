package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.charts.KernelFixtures;
import org.mpjbench.launcher.charts.ResultFixtures;
import org.mpjbench.launcher.report.KernelFigures;

/** {@link SweepCsv}: the old columns where they were, the shared figures appended after them. */
class SweepCsvTest {
  @TempDir Path tmp;

  @Test
  void theOldColumnsKeepTheirPlacesAndTheNewOnesFollow() {
    List<String> old = List.of("kernel", "ranks", "repeat", "seed", "status", "wall_s",
        "final_skew_ns", "median_round_ns", "lines", "draws", "master_complete_s", "bound_s",
        "efficiency", "result_file", "property", "messages", "operation", "operations",
        "median_latency_ns", "ops_per_s", "messages_per_op");
    assertEquals(old, SweepCsv.COLUMNS.subList(0, old.size()));
    // After them, the algorithm kernels' own columns, each once, then the latency distribution,
    // then what the headline kernels gained since (Berkeley's per-round skew).
    List<String> latency =
        List.of("latency_p50_ns", "latency_p90_ns", "latency_p99_ns", "latency_max_ns");
    int end = SweepCsv.COLUMNS.indexOf("latency_p50_ns");
    assertEquals(latency, SweepCsv.COLUMNS.subList(end, end + latency.size()));
    java.util.Set<String> own = new java.util.HashSet<>();
    KernelFigures.all().stream().filter(KernelFigures::checksProperty)
        .forEach(k -> k.columns().forEach(c -> own.add(c.name())));
    List<String> added = SweepCsv.COLUMNS.subList(old.size(), end);
    assertTrue(own.containsAll(added), added::toString);
    assertEquals(List.of("skew_p50_ns", "skew_p90_ns", "skew_p99_ns", "skew_max_ns"),
        SweepCsv.COLUMNS.subList(end + latency.size(), SweepCsv.COLUMNS.size()));
    assertEquals(SweepCsv.COLUMNS.size(), java.util.Set.copyOf(SweepCsv.COLUMNS).size());
  }

  @Test
  void aKernelWithALatencyDistributionFillsItsColumns() {
    Map<String, String> row = row(KernelFixtures.withLatency(KernelFixtures.mutex(
        "suzuki-kasami", 4, 80, 320, 400_000, 200.0), 400_000, 4_000_000, 90_000_000,
        98_000_000), "sk.json");
    assertCells(row, "median_latency_ns", "400000", "latency_p50_ns", "400000",
        "latency_p90_ns", "4000000", "latency_p99_ns", "90000000", "latency_max_ns", "98000000");
    Map<String, String> without = row(KernelFixtures.mutex("suzuki-kasami", 4, 80, 320, 400_000,
        200.0), "old.json");
    assertCells(without, "latency_p50_ns", "", "latency_max_ns", "");
  }

  @Test
  void anAlgorithmKernelFillsTheSharedColumns() {
    Map<String, String> row = row(KernelFixtures.mutex("ricart-agrawala", 4, 80, 480, 4_047_885,
        496.6), "ra.json");
    assertCells(row, "kernel", "ricart-agrawala", "ranks", "4", "status", "complete",
        "wall_s", "3.5000", "result_file", "ra.json", "property", "holds", "messages", "480",
        "operation", "entry", "operations", "80", "median_latency_ns", "4047885",
        "ops_per_s", "496.6000", "messages_per_op", "6.0000", "final_skew_ns", "",
        "efficiency", "");
  }

  @Test
  void berkeleyAndDownloadKeepTheirColumnsAndGainTheSharedOnes() {
    ObjectNode berkeley = ResultFixtures.berkeley(2, 18_000_000, 3_000);
    ((ObjectNode) berkeley.at("/result/summary")).put("medianRoundNanos", 1_730_000)
        .put("roundsPerSecond", 336.0);
    Map<String, String> row = row(berkeley, "b.json");
    assertCells(row, "final_skew_ns", "3000", "median_round_ns", "1730000");
    assertEquals("", row.get("property"), "Berkeley checks no property");
    assertEquals("", row.get("messages"), "nor counts its messages");
    assertCells(row, "operation", "round", "operations", "2", "median_latency_ns", "1730000",
        "messages_per_op", "");

    // Ten rounds: the last eight count as converged (rounds after the first fifth).
    Map<String, String> ten = row(ResultFixtures.berkeley(4, 27_000_000, 40_000, 900, 700, 500,
        800, 600, 1_000, 400, 300), "ten.json");
    assertCells(ten, "skew_p50_ns", "650", "skew_p90_ns", "1000", "skew_p99_ns", "1000",
        "skew_max_ns", "1000", "final_skew_ns", "300");

    assertCells(row(ResultFixtures.download(4, 8.0, 0.9), "d.json"), "lines", "1000",
        "draws", "7200", "master_complete_s", "8.0000", "efficiency", "0.9000",
        "operation", "draw", "ops_per_s", "900.0000", "median_latency_ns", "");
  }

  @Test
  void runsThatDidNotCompleteKeepTheirFileAndVerdict() {
    Map<String, String> row = row(KernelFixtures.violated("suzuki-kasami", 3), "sk.json");
    assertCells(row, "status", "failed", "property", "violated", "result_file", "sk.json",
        "operation", "", "messages_per_op", "");

    row = row(ResultFixtures.incomplete("berkeley", 3, "interrupted"), "b.json");
    assertEquals("interrupted", row.get("status"));
    assertEquals("b.json", row.get("result_file"), "the partial record is named");
    assertEquals("3.5000", row.get("wall_s"));

    row = cells(SweepCsv.row("naming", 2, 1, null, null, null));
    assertEquals("failed", row.get("status"));
    assertEquals("", row.get("result_file"));
  }

  @Test
  void rowsAreAppendedUnderTheHeader() throws IOException {
    Path csv = tmp.resolve("sweep.csv");
    SweepCsv.start(csv);
    SweepCsv.append(csv, "a");
    SweepCsv.append(csv, "b");
    assertEquals(List.of(String.join(",", SweepCsv.COLUMNS), "a", "b"), Files.readAllLines(csv));
  }

  /** The row holds these cells, given as column, value, column, value... */
  private static void assertCells(Map<String, String> row, String... columnsAndValues) {
    for (int i = 0; i < columnsAndValues.length; i += 2) {
      assertEquals(columnsAndValues[i + 1], row.get(columnsAndValues[i]), columnsAndValues[i]);
    }
  }

  private static Map<String, String> row(ObjectNode tree, String file) {
    RunRecord run = record(tree);
    return cells(SweepCsv.row(run.kernel(), run.ranks(), 1, run, Path.of("/r", file),
        KernelFigures.of(run)));
  }

  private static Map<String, String> cells(String line) {
    List<String> cells = Arrays.asList(line.split(",", -1));
    assertEquals(SweepCsv.COLUMNS.size(), cells.size(), line);
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      row.put(SweepCsv.COLUMNS.get(i), cells.get(i));
    }
    return row;
  }
}
