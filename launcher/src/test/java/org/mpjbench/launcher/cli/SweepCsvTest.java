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
    // After them, only the algorithm kernels' own columns, each once.
    java.util.Set<String> own = new java.util.HashSet<>();
    KernelFigures.all().stream().filter(KernelFigures::checksProperty)
        .forEach(k -> k.columns().forEach(c -> own.add(c.name())));
    List<String> added = SweepCsv.COLUMNS.subList(old.size(), SweepCsv.COLUMNS.size());
    assertTrue(own.containsAll(added), added::toString);
    assertEquals(SweepCsv.COLUMNS.size(), java.util.Set.copyOf(SweepCsv.COLUMNS).size());
  }

  @Test
  void anAlgorithmKernelFillsTheSharedColumns() {
    Map<String, String> row = row(KernelFixtures.mutex("ricart-agrawala", 4, 80, 480, 4_047_885,
        496.6), "ra.json");
    assertEquals("ricart-agrawala", row.get("kernel"));
    assertEquals("4", row.get("ranks"));
    assertEquals("complete", row.get("status"));
    assertEquals("3.5000", row.get("wall_s"));
    assertEquals("ra.json", row.get("result_file"));
    assertEquals("holds", row.get("property"));
    assertEquals("480", row.get("messages"));
    assertEquals("entry", row.get("operation"));
    assertEquals("80", row.get("operations"));
    assertEquals("4047885", row.get("median_latency_ns"));
    assertEquals("496.6000", row.get("ops_per_s"));
    assertEquals("6.0000", row.get("messages_per_op"));
    assertEquals("", row.get("final_skew_ns"));
    assertEquals("", row.get("efficiency"));
  }

  @Test
  void berkeleyAndDownloadKeepTheirColumnsAndGainTheSharedOnes() {
    ObjectNode berkeley = ResultFixtures.berkeley(2, 18_000_000, 3_000);
    ((ObjectNode) berkeley.at("/result/summary")).put("medianRoundNanos", 1_730_000)
        .put("roundsPerSecond", 336.0);
    Map<String, String> row = row(berkeley, "b.json");
    assertEquals("3000", row.get("final_skew_ns"));
    assertEquals("1730000", row.get("median_round_ns"));
    assertEquals("", row.get("property"), "Berkeley checks no property");
    assertEquals("", row.get("messages"), "nor counts its messages");
    assertEquals("round", row.get("operation"));
    assertEquals("2", row.get("operations"));
    assertEquals("1730000", row.get("median_latency_ns"));
    assertEquals("", row.get("messages_per_op"));

    row = row(ResultFixtures.download(4, 8.0, 0.9), "d.json");
    assertEquals("1000", row.get("lines"));
    assertEquals("7200", row.get("draws"));
    assertEquals("8.0000", row.get("master_complete_s"));
    assertEquals("0.9000", row.get("efficiency"));
    assertEquals("draw", row.get("operation"));
    assertEquals("900.0000", row.get("ops_per_s"));
    assertEquals("", row.get("median_latency_ns"));
  }

  @Test
  void runsThatDidNotCompleteKeepTheirFileAndVerdict() {
    Map<String, String> row = row(KernelFixtures.violated("suzuki-kasami", 3), "sk.json");
    assertEquals("failed", row.get("status"));
    assertEquals("violated", row.get("property"));
    assertEquals("sk.json", row.get("result_file"));
    assertEquals("", row.get("operation"));
    assertEquals("", row.get("messages_per_op"));

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
