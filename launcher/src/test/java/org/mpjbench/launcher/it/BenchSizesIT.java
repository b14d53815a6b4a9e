package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OSU-style baselines by message size on real MPJ ranks: {@code bench --quick} with two sizes
 * on 2 multicore ranks gives a row per operation and size with sane figures, and both charts.
 */
class BenchSizesIT {
  @TempDir Path work;

  @Test
  void quickSweepOfTwoSizesOnTwoRanksGivesEveryOperationAndBothCharts() throws Exception {
    Path results = work.resolve("bench");
    Path plots = work.resolve("plots");
    LauncherRun bench = LauncherRun.runPlain("bench", "--quick", "--ranks", "2",
        "--benchmarks", "osu", "--sizes", "1,65536", "--results", results.toString(),
        "--plots", plots.toString());
    bench.expectExit(0);
    assertTrue(Files.isRegularFile(results.resolve("sizes-2r.json")));
    List<String> csv = Files.readAllLines(results.resolve("sizes.csv"));
    assertEquals("operation,ranks,device,bytes,iterations,median_us,p99_us,mb_per_s,mean_us",
        csv.get(0));
    Map<String, String[]> rows = new TreeMap<>();
    for (String line : csv.subList(1, csv.size())) {
      String[] fields = line.split(",", -1);
      rows.put(fields[0] + " " + fields[3], fields);
      assertEquals("2", fields[1], line);
      assertEquals("multicore", fields[2], line);
      assertTrue(Integer.parseInt(fields[4]) >= 5, "at least 5 timed iterations: " + line);
      double median = Double.parseDouble(fields[5]);
      double p99 = Double.parseDouble(fields[6]);
      assertTrue(median > 0 && p99 >= median, line);
      assertTrue(Double.parseDouble(fields[8]) > 0, "OSU's mean: " + line);
      assertEquals(List.of("bandwidth", "bibw").contains(fields[0]), !fields[7].isEmpty(), line);
    }
    List<String> operations = List.of("latency", "bandwidth", "bibw", "bcast", "allreduce",
        "gather",
        "alltoall", "reduce", "allgather", "scatter");
    for (String operation : operations) {
      assertTrue(rows.containsKey(operation + " 1") && rows.containsKey(operation + " 65536"),
          operation + " at both sizes: " + rows.keySet());
    }
    assertEquals(2 * operations.size(), rows.size(), rows.keySet().toString());
    double small = Double.parseDouble(rows.get("bandwidth 1")[7]);
    double large = Double.parseDouble(rows.get("bandwidth 65536")[7]);
    assertTrue(small > 0 && large > small, "bandwidth from 1 B to 64 KiB: " + small + " -> "
        + large);
    double both = Double.parseDouble(rows.get("bibw 65536")[7]);
    assertTrue(both > 0, "bibw at 64 KiB: " + both);
    assertTrue(Files.readString(results.resolve("sizes.md")).contains("## alltoall"));
    assertTrue(Files.size(plots.resolve("bench-latency-by-size.png")) > 0);
    assertTrue(Files.size(plots.resolve("bench-bandwidth-by-size.png")) > 0);
    assertTrue(bench.out().contains("bench-bandwidth-by-size.png"), bench.out());
    Processes.assertNoDescendants(ProcessHandle.current(), "the bench");
  }
}
