package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.launcher.charts.KernelFixtures;
import org.mpjbench.launcher.charts.ResultFixtures;
import org.mpjbench.launcher.report.KernelFigures;
import org.mpjbench.launcher.report.RunFigures;

/** {@link SweepTable}: medians per kernel and rank count, the verdicts counted over every run. */
class SweepTableTest {

  private static String print(ObjectNode... runs) {
    List<RunFigures> figures = Arrays.stream(runs)
        .map(run -> KernelFigures.of(ResultFixtures.record(run))).toList();
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      SweepTable.print(out, figures);
    }
    return text.toString();
  }

  @Test
  void theAlgorithmKernelsShareOneTable() {
    String table = print(
        KernelFixtures.mutex("ricart-agrawala", 4, 80, 480, 4_000_000, 500.0),
        KernelFixtures.mutex("ricart-agrawala", 4, 80, 480, 2_000_000, 400.0),
        KernelFixtures.violated("ricart-agrawala", 4),
        KernelFixtures.mutex("ricart-agrawala", 2, 40, 80, 1_000_000, 900.0),
        KernelFixtures.cristian(1),
        KernelFixtures.election("bully", 8, 7, 216_000_000));
    List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(List.of(
        "kernel           op        -np  runs  held  msgs/op  median latency  P99  ops/s",
        "cristian         sync        1     1   1/1        -               -    -      -",
        "ricart-agrawala  entry       2     1   1/1     2.00         1.00 ms    -    900",
        "ricart-agrawala  entry       4     3   2/3     6.00         3.00 ms    -    450",
        "bully            election    8     1   1/1     7.00          216 ms    -      -"),
        lines, table);
  }

  @Test
  void theP99ColumnIsTheMedianOfTheRunsP99() {
    String table = print(
        KernelFixtures.withLatency(KernelFixtures.mutex("suzuki-kasami", 4, 80, 320, 400_000,
            200.0), 400_000, 4_000_000, 90_000_000, 98_000_000),
        KernelFixtures.withLatency(KernelFixtures.mutex("suzuki-kasami", 4, 80, 320, 500_000,
            210.0), 500_000, 5_000_000, 30_000_000, 31_000_000),
        KernelFixtures.withLatency(KernelFixtures.mutex("suzuki-kasami", 4, 80, 320, 450_000,
            220.0), 450_000, 4_500_000, 50_000_000, 52_000_000));
    List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(List.of(
        "kernel         op     -np  runs  held  msgs/op  median latency      P99  ops/s",
        "suzuki-kasami  entry    4     3   3/3     4.00          450 µs  50.0 ms    210"),
        lines, table);
  }

  @Test
  void downloadAndBerkeleyKeepTheirTables() {
    ObjectNode berkeley = ResultFixtures.berkeley(2, 18_000_000, 3_000);
    ((ObjectNode) berkeley.at("/result/summary")).put("medianRoundNanos", 1_730_000)
        .put("roundsPerSecond", 336.0);
    String table = print(ResultFixtures.download(1, 30, 0.9), ResultFixtures.download(2, 15, 0.9),
        berkeley);
    assertTrue(table.contains("download  runs  median T (s)  bound (s)  median E  min E"
        + "  speedup  luck-free"), table);
    assertTrue(table.contains("  -np 2      1         15.00      14.97     0.900  0.900"
        + "     2.00       2.00"), table);
    assertTrue(table.contains("berkeley  runs  median final skew  median round\n"
        + "  -np 2      1            3.00 µs       1.73 ms"), table);
    assertTrue(!table.contains("msgs/op"), "no algorithm kernel, no third table:\n" + table);
  }

  @Test
  void theClockKernelsStandSideBySideByTheirFinalSkew() {
    // Berkeley's final skew beside Cristian's (the spread of the clients' errors and the
    // server's 0: 150 µs in the fixture), per rank count; a missing one is a dash.
    String table = print(ResultFixtures.berkeley(2, 18_000_000, 3_000),
        KernelFixtures.cristian(2, 4_000_000), KernelFixtures.cristian(3, 4_000_000, 5_000_000));
    List<String> lines = table.lines().toList();
    int header = lines.indexOf("final true skew  berkeley  cristian");
    assertTrue(header >= 0, table);
    assertEquals("  -np 2           3.00 µs    150 µs", lines.get(header + 1), table);
    assertEquals("  -np 3                 -    150 µs", lines.get(header + 2), table);
  }

  @Test
  void oneClockKernelAloneHasNoSideBySideTable() {
    String table = print(ResultFixtures.berkeley(2, 18_000_000, 3_000));
    assertTrue(!table.contains("final true skew"), table);
  }
}
