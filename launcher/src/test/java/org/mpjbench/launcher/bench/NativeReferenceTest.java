package org.mpjbench.launcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native reference's output read into rows, its JSON, and the commands it builds. */
class NativeReferenceTest {
  private static final String TWO_RANKS = """
      --------------------------------------------------------------------------
      WARNING: an Open MPI notice that is not ours
      --------------------------------------------------------------------------
      osu_native ranks 2
      osu_native row latency 8 10000 0.36 0.516
      osu_native row latency 1048576 30 81.806 191.907
      osu_native row allreduce 8 9022 0.571 1.091
      osu_native row allreduce 1048576 30 140.343 672.168
      osu_native done
      """;

  @TempDir Path tmp;

  @Test
  void rowsOfTwoRanks() {
    List<SizeReport.Row> rows = NativeOutput.parse(TWO_RANKS, 2, List.of(8, 1048576));
    assertEquals(4, rows.size());
    SizeReport.Row first = rows.get(0);
    assertEquals(new SizeReport.Row("latency", 2, NativeReference.DEVICE, 8, 10000, 0.36, 0.516,
        Double.NaN), first);
    assertEquals("allreduce", rows.get(3).operation());
    assertEquals(1048576, rows.get(3).bytes());
    assertEquals(140.343, rows.get(3).medianUs(), 1e-9);
    assertTrue(rows.stream().allMatch(row -> Double.isNaN(row.mbPerSecond())));
  }

  @Test
  void oneRankHasOnlyAllreduce() {
    String output = "osu_native ranks 1\nosu_native row allreduce 8 100 0.1 0.2\n"
        + "osu_native done\n";
    assertEquals(1, NativeOutput.parse(output, 1, List.of(8)).size());
  }

  @Test
  void badOutputIsOneLine() {
    List<Integer> sizes = List.of(8, 1048576);
    for (String bad : List.of(
        TWO_RANKS.replace("ranks 2", "ranks 3"),
        TWO_RANKS.replace("osu_native done\n", ""),
        TWO_RANKS.replace("osu_native row allreduce 8 9022 0.571 1.091\n", ""),
        TWO_RANKS.replace("allreduce 8 9022", "allreduce 1048576 9022"),
        TWO_RANKS.replace("0.571 1.091", "0.571 x"),
        TWO_RANKS.replace("0.571 1.091", "2 1"),
        TWO_RANKS.replace("row latency 8", "row bcast 8"),
        TWO_RANKS.replace("osu_native ranks 2\n", ""),
        "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> NativeOutput.parse(bad, 2, sizes), bad);
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().startsWith("native reference"), e.getMessage());
    }
  }

  @Test
  void jsonIsReadBackBesideTheSweep() throws Exception {
    List<SizeReport.Row> rows = NativeOutput.parse(TWO_RANKS, 2, List.of(8, 1048576));
    Path file = tmp.resolve("sizes-native-2r.json");
    NativeOutput.writeJson(file, 2, rows);
    SizeReport report = SizeReport.read(List.of(file));
    assertEquals(List.of(NativeReference.DEVICE), report.devices());
    assertEquals(4, report.rows().size());
    assertTrue(report.csv().contains("latency,2,native-openmpi,8,10000,0.36,0.516,,\n"),
        report.csv());
  }

  @Test
  void commandRunsMpirunAsRootOversubscribed() {
    assertEquals(List.of("mpirun", "--allow-run-as-root", "--oversubscribe", "-np", "2",
        "/cache/osu_native-abc", "10", "8,1048576"), NativeReference.command(
            Path.of("/cache/osu_native-abc"), 2, 10, List.of(8, 1048576)));
    assertThrows(IllegalArgumentException.class,
        () -> NativeReference.command(Path.of("x"), 2, 10, List.of()));
    assertEquals(List.of("apt-get", "install", "-y", "--no-install-recommends",
        "libopenmpi-dev", "openmpi-bin"), NativeReference.INSTALL);
  }

  @Test
  void timeoutGrowsWithSizesAndBudget() {
    long quick = NativeReference.timeoutSeconds(10, 2);
    assertTrue(quick >= 120 && quick < 200, "quick: " + quick);
    assertTrue(NativeReference.timeoutSeconds(100, 21) > quick);
  }

  @Test
  void runQuietlyKillsTheProcessGroupOnTimeOut() throws Exception {
    Path log = tmp.resolve("sleep.log");
    long start = System.nanoTime();
    int exit = NativeReference.runQuietly(List.of("sh", "-c", "sleep 60 & sleep 60; wait"), log,
        1);
    assertEquals(-1, exit);
    assertTrue(System.nanoTime() - start < 30_000_000_000L);
    Thread.sleep(200);
    assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
        "left running: " + ProcessHandle.current().descendants().map(p -> p.info().commandLine()
            .orElse("?")).toList());
  }

  @Test
  void aCommandThatCannotStartFailsWithoutAStackTrace() throws Exception {
    // Under setsid, setsid reports it (exit non-zero); without setsid, one UserError line.
    try {
      int exit = NativeReference.runQuietly(List.of("/nonexistent/mpirun"),
          tmp.resolve("x.log"), 5);
      assertTrue(exit > 0, "exit " + exit);
    } catch (org.mpjbench.launcher.runs.UserError e) {
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
      assertTrue(e.getMessage().startsWith("--native: cannot run /nonexistent/mpirun"),
          e.getMessage());
    }
  }

  @Test
  void cacheFolderIsUnderTheUsersCache() {
    assertTrue(NativeReference.cacheFolder().endsWith(Path.of("mpjbench", "native")));
  }
}
