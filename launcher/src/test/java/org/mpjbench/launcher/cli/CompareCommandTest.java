package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.bench.JmhFixtures;
import org.mpjbench.launcher.compare.CompareFixtures;
import org.mpjbench.launcher.runs.UserError;

/** {@code mpjbench compare}: its table and files, its bad input, and --fail-if-slower. */
class CompareCommandTest {
  @TempDir Path tmp;

  private Path a;
  private Path slower;

  @BeforeEach
  void createSweeps() throws IOException {
    a = CompareFixtures.ringSweep(tmp.resolve("a"), 4, 6, 1_000_000);
    slower = CompareFixtures.ringSweep(tmp.resolve("slower"), 4, 6, 2_000_000);
  }

  private CliRun compare(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("compare"));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesTheTableTheCsvTheMarkdownAndTheChart() throws IOException {
    Path out = tmp.resolve("out");
    CliRun run = compare(a.toString(), slower.toString(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run::describe);
    String csv = Files.readString(out.resolve("compare.csv"), StandardCharsets.UTF_8);
    assertAll(
        () -> assertTrue(run.out().contains("bootstrap over the repeated runs"), run::describe),
        () -> assertTrue(run.out().contains("median_latency_ns"), run::describe),
        () -> assertTrue(run.out().contains("verdicts: 2 slower"), run::describe),
        () -> assertEquals("", run.err(), run::describe),
        () -> assertTrue(csv.startsWith("name,ranks,figure,better,n_a,n_b,median_a,median_b,"
            + "ratio_b_a,ci_low,ci_high,verdict,note\n"), csv),
        () -> assertTrue(csv.contains("ring,4,median_latency_ns,lower,6,6,1000000,2000000,2,"),
            csv),
        () -> assertTrue(csv.contains("ring,4,ops_per_s,higher,6,6,"), csv),
        () -> assertTrue(Files.readString(out.resolve("compare.md")).contains("| ring |")),
        () -> assertTrue(Files.size(out.resolve("compare-ratios.png")) > 1000));
  }

  @Test
  void failIfSlowerExitsOneWhenSlowerBeyondThePercentage() {
    CliRun failed = compare(a.toString(), slower.toString(), "--out", tmp.resolve("o1")
        .toString(), "--fail-if-slower", "50");
    assertEquals(UserError.FAILED, failed.exitCode(), failed::describe);
    assertEquals(1, failed.errLines().size(), failed::describe);
    assertTrue(failed.err().startsWith("mpjbench: 2 figures of B are slower than A by more than"
        + " 50 %"), failed::describe);
    CliRun passed = compare(a.toString(), slower.toString(), "--out", tmp.resolve("o2")
        .toString(), "--fail-if-slower", "150");
    assertEquals(0, passed.exitCode(), passed::describe);
    CliRun itself = compare(a.toString(), a.toString(), "--out", tmp.resolve("o3").toString(),
        "--fail-if-slower", "0");
    assertEquals(0, itself.exitCode(), itself::describe);
    assertTrue(itself.out().contains("verdicts: 2 no difference"), itself::describe);
  }

  @Test
  void badInputIsOneLineAndExitCode2() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path bench = Files.createDirectories(tmp.resolve("bench"));
    JmhFixtures.write(bench, "jmh-4r.json",
        JmhFixtures.result("PingPongBenchmark", "roundTrip", 4, 20.0, 1.0, "ops/ms"));
    Path twoRanks = CompareFixtures.ringSweep(tmp.resolve("two"), 2, 3, 1000);
    Path used = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(used.resolve("compare.csv"), "the user's own\n");
    Path out = tmp.resolve("out");
    List<List<String>> cases = List.of(
        List.of(tmp.resolve("missing").toString(), a.toString(), "does not exist"),
        List.of(a.toString(), empty.toString(), "holds no sweep"),
        List.of(a.toString(), bench.toString(), "compare a sweep with a sweep"),
        List.of(a.toString(), twoRanks.toString(), "no figure in common"),
        List.of(a.toString(), a.toString(), "--out", used.toString(), "already holds"),
        List.of(a.toString(), a.toString(), "--fail-if-slower", "-5", "--fail-if-slower"),
        List.of(a.toString(), "only A"));
    for (List<String> args : cases) {
      List<String> given = args.subList(0, args.size() - 1);
      boolean outGiven = given.contains("--out");
      List<String> all = new java.util.ArrayList<>(given);
      if (!outGiven) {
        all.addAll(List.of("--out", out.toString()));
      }
      if (given.size() == 1) {
        all = List.of(given.get(0));
      }
      CliRun run = compare(all.toArray(String[]::new));
      String expected = args.get(args.size() - 1);
      assertAll(String.join(" ", all),
          () -> assertEquals(UserError.USAGE, run.exitCode(), run::describe),
          () -> assertEquals("", run.out(), run::describe),
          () -> assertEquals(1, run.errLines().size(), run::describe),
          () -> assertTrue(run.err().startsWith("mpjbench: "), run::describe),
          () -> assertTrue(expected.equals("only A") || run.err().contains(expected),
              run::describe),
          () -> assertFalse(Files.exists(out.resolve("compare.csv")), run::describe));
    }
    assertEquals("the user's own\n", Files.readString(used.resolve("compare.csv")));
  }
}
