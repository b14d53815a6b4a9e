package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --native} without a size benchmark, or without 2 ranks: one line, exit 2. */
class BenchNativeOptionTest {
  @TempDir Path tmp;

  @Test
  void nativeWithoutOsuNamesTheOption() {
    CliRun run = CliRun.of("bench", "--native", "--quick", "--ranks", "2", "--benchmarks",
        "ping-pong", "--results", tmp.resolve("r").toString(), "--plots",
        tmp.resolve("p").toString());
    assertOneLine(run, "--native");
    assertTrue(run.err().contains("'osu'"), run::describe);
  }

  @Test
  void nativeWithOneRankOnlyNamesTheOption() {
    CliRun run = CliRun.of("bench", "--native", "--quick", "--ranks", "1", "--benchmarks",
        "osu", "--results", tmp.resolve("r").toString(), "--plots",
        tmp.resolve("p").toString());
    assertOneLine(run, "--native");
    assertTrue(run.err().contains("--ranks"), run::describe);
  }

  private static void assertOneLine(CliRun run, String option) {
    assertEquals(2, run.exitCode(), run::describe);
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run::describe);
    assertTrue(lines.get(0).startsWith("mpjbench: ") && lines.get(0).contains(option),
        run::describe);
  }
}
