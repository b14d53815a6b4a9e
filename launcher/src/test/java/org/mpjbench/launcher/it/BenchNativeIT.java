package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.bench.SizeReport;

/**
 * {@code bench --native}: the native reference in C against Open MPI beside the MPJ sweep, in the
 * same run. Needs mpicc and mpirun, or root (the bench then installs them with the idempotent
 * {@code apt-get install -y --no-install-recommends libopenmpi-dev openmpi-bin}); skipped
 * otherwise.
 */
class BenchNativeIT {
  @TempDir Path work;

  @Test
  void quickSweepWithNativeGivesNativeRowsBesideTheMpjRows() throws Exception {
    assumeTrue((onPath("mpicc") && onPath("mpirun")) || root(),
        "no mpicc and mpirun, and not root to install them");
    Path results = work.resolve("bench");
    Path plots = work.resolve("plots");
    LauncherRun bench = LauncherRun.runPlain("bench", "--quick", "--benchmarks", "osu",
        "--sizes", "8,1048576", "--ranks", "2", "--native", "--results", results.toString(),
        "--plots", plots.toString());
    bench.expectExit(0);
    assertTrue(Files.isRegularFile(results.resolve("sizes-native-2r.json")));
    List<String> csv = Files.readAllLines(results.resolve("sizes.csv"));
    Map<String, String[]> nativeRows = new TreeMap<>();
    int mpjRows = 0;
    for (String line : csv.subList(1, csv.size())) {
      String[] fields = line.split(",", -1);
      if (fields[2].equals("native-openmpi")) {
        nativeRows.put(fields[0] + " " + fields[3], fields);
        assertEquals("2", fields[1], line);
        assertTrue(Integer.parseInt(fields[4]) >= 5, line);
        double median = Double.parseDouble(fields[5]);
        assertTrue(median > 0 && Double.parseDouble(fields[6]) >= median, line);
        assertTrue(fields[7].isEmpty(), line);
      } else {
        assertEquals("multicore", fields[2], line);
        mpjRows++;
      }
    }
    assertEquals(List.of("allreduce 1048576", "allreduce 8", "latency 1048576", "latency 8"),
        List.copyOf(nativeRows.keySet()));
    assertEquals(2 * SizeReport.OPERATIONS.size(), mpjRows,
        "every operation at both sizes, the MPJ sweep's rows beside: " + csv);
    assertTrue(Files.readString(results.resolve("sizes.md")).contains("K=2 native-openmpi"));
    assertTrue(Files.size(plots.resolve("bench-latency-by-size.png")) > 0);
    assertTrue(bench.out().contains("native reference took"), bench.out());
    Processes.assertNoDescendants(ProcessHandle.current(), "the bench with --native");
  }

  private static boolean onPath(String name) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
        return true;
      }
    }
    return false;
  }

  private static boolean root() throws Exception {
    return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }
}
