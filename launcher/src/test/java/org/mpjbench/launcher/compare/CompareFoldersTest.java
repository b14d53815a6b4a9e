package org.mpjbench.launcher.compare;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.bench.JmhFixtures;

/** Reading sweep and bench folders, and what the comparison refuses. */
class CompareFoldersTest {
  private static final Path REFERENCE = Path.of(System.getProperty("mpjbench.repo", ".."))
      .resolve("results/reference");

  @TempDir Path tmp;

  @Test
  void aSweepGivesASamplePerCompleteRun() throws IOException {
    ResultFolder sweep = ResultFolder.read(CompareFixtures.ringSweep(tmp.resolve("a"), 4, 5,
        1000));
    Subject latency = new Subject("ring", 4, "median_latency_ns", Direction.LOWER_IS_FASTER);
    Subject rate = new Subject("ring", 4, "ops_per_s", Direction.HIGHER_IS_FASTER);
    assertAll(
        () -> assertEquals(ResultFolder.Kind.SWEEP, sweep.kind()),
        () -> assertEquals(Set.of(latency, rate), sweep.samples().keySet()),
        () -> assertArrayEquals(new double[] {970, 985, 1000, 1015, 1030},
            sweep.samples().get(latency)),
        () -> assertEquals(Set.of("multicore"), sweep.devices()));
  }

  @Test
  void aBenchGivesASamplePerJmhIteration() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bench"));
    JmhFixtures.write(dir, "jmh-2r.json",
        JmhFixtures.result("PingPongBenchmark", "roundTrip", 2, 20.0, 1.0, "ops/ms"));
    ResultFolder bench = ResultFolder.read(dir);
    Subject pingPong = new Subject("ping-pong", 2, "ops_per_s", Direction.HIGHER_IS_FASTER);
    assertEquals(ResultFolder.Kind.BENCH, bench.kind());
    // The fixture's three iterations of 20 ops/ms, per second.
    assertArrayEquals(new double[] {20_000, 20_000, 20_000}, bench.samples().get(pingPong));
  }

  @Test
  void theReferenceSweepAgainstTheClusterSweep() throws IOException {
    assumeTrue(Files.isDirectory(REFERENCE.resolve("cluster-sweep")), "no reference results");
    Comparison comparison = Comparison.of(ResultFolder.read(REFERENCE.resolve("sweep")),
        ResultFolder.read(REFERENCE.resolve("cluster-sweep")), 1_000, 1, null);
    Subject round = new Subject("berkeley", 4, "median_round_ns", Direction.LOWER_IS_FASTER);
    Comparison.Row row = comparison.rows().stream().filter(r -> r.subject().equals(round))
        .findFirst().orElseThrow();
    assertAll(
        () -> assertEquals(5, row.samplesA()),
        () -> assertEquals(1, row.samplesB()),
        () -> assertEquals("n=1, no interval", row.note()),
        // Berkeley's median latency is its median round: one row, not two.
        () -> assertTrue(comparison.rows().stream().noneMatch(r -> r.subject().name()
            .equals("berkeley") && r.subject().figure().equals("median_latency_ns"))),
        () -> assertTrue(comparison.rows().stream().anyMatch(r -> r.subject().figure()
            .equals("master_complete_s"))));
  }

  @Test
  void theReferenceBenchAgainstItselfShowsNoDifference() throws IOException {
    assumeTrue(Files.isDirectory(REFERENCE.resolve("bench")), "no reference results");
    ResultFolder bench = ResultFolder.read(REFERENCE.resolve("bench"));
    Comparison comparison = Comparison.of(bench, bench, 1_000, 1, 5.0);
    assertTrue(comparison.rows().size() > 40, comparison.rows().size() + " rows");
    assertEquals(comparison.rows().size(), comparison.count(Verdict.NO_DIFFERENCE));
    assertEquals(25, comparison.rows().get(0).samplesA(), "JMH's 25 iterations");
  }

  @Test
  void badFoldersAreOneLineErrorsNamingThem() throws IOException {
    Path missing = tmp.resolve("missing");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(broken.resolve("sweep.csv"), "kernel,ranks\nring,4\n");
    for (Path bad : new Path[] {missing, empty, file, broken}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ResultFolder.read(bad));
      assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
  }

  @Test
  void differentKindsOrNothingInCommonAreRefused() throws IOException {
    ResultFolder sweep = ResultFolder.read(CompareFixtures.ringSweep(tmp.resolve("a"), 4, 3,
        1000));
    ResultFolder otherRanks = ResultFolder.read(CompareFixtures.ringSweep(tmp.resolve("b"), 2, 3,
        1000));
    Path dir = Files.createDirectories(tmp.resolve("bench"));
    JmhFixtures.write(dir, "jmh-4r.json",
        JmhFixtures.result("PingPongBenchmark", "roundTrip", 4, 20.0, 1.0, "ops/ms"));
    ResultFolder bench = ResultFolder.read(dir);
    IllegalArgumentException kinds = assertThrows(IllegalArgumentException.class,
        () -> Comparison.of(sweep, bench, 1_000, 1, null));
    assertTrue(kinds.getMessage().contains("is a sweep") && kinds.getMessage().contains("bench"),
        kinds.getMessage());
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> Comparison.of(sweep, otherRanks, 1_000, 1, null));
    assertTrue(none.getMessage().contains("no figure in common"), none.getMessage());
  }
}
