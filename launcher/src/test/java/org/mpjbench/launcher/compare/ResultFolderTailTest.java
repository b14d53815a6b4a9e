package org.mpjbench.launcher.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ResultFolder}: a sweep's latency tail is a figure to compare; older sweeps have none. */
class ResultFolderTailTest {
  @TempDir Path tmp;

  @Test
  void theP99OfASweepIsComparedBesideTheMedian() throws IOException {
    Files.write(tmp.resolve(ResultFolder.SWEEP_CSV), List.of(
        CompareFixtures.HEADER + ",latency_p50_ns,latency_p90_ns,latency_p99_ns,latency_max_ns",
        "naming,4,1,1,complete,1.0,,,,,,,,naming-4r-multicore-20261207T0300Z.json,holds,1320,"
            + "lookup,600,599000,1700.0,2.2,599000,712000,1480000,31400000",
        "naming,4,2,2,complete,1.0,,,,,,,,naming-4r-multicore-20261207T0301Z.json,holds,1320,"
            + "lookup,600,610000,1650.0,2.2,610000,730000,2100000,12000000"),
        StandardCharsets.UTF_8);
    ResultFolder folder = ResultFolder.read(tmp);
    Subject p99 = new Subject("naming", 4, "latency_p99_ns", Direction.LOWER_IS_FASTER);
    assertTrue(folder.samples().containsKey(p99), folder.samples().keySet().toString());
    assertArrayEquals(new double[] {1_480_000, 2_100_000}, folder.samples().get(p99));
    assertFalse(folder.samples().keySet().stream()
        .anyMatch(s -> s.figure().equals("latency_max_ns")), "the max is one outlier: no figure");
  }

  @Test
  void aSweepWrittenBeforeTheTailHasNoSuchFigure() throws IOException {
    ResultFolder folder = ResultFolder.read(CompareFixtures.ringSweep(tmp.resolve("old"), 4, 3,
        200_000_000));
    assertFalse(folder.samples().keySet().stream()
        .anyMatch(s -> s.figure().equals("latency_p99_ns")));
  }
}
