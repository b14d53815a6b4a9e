package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code bench --native} without a size benchmark, or without 2 ranks: one line, exit 2. */
class BenchNativeOptionTest {
  @TempDir Path tmp;

  /**
   * {@code bench --native} with {@code ranks} and {@code benchmarks}: one line naming --native,
   * and {@code alsoNamed}, the other option at fault.
   */
  @ParameterizedTest(name = "--ranks {0} --benchmarks {1}")
  @CsvSource(quoteCharacter = '"', value = {
    "2, ping-pong, 'osu'", // without osu
    "1, osu, --ranks", // with one rank only
  })
  void nativeNamesTheOptionAndWhatItLacks(String ranks, String benchmarks, String alsoNamed) {
    CliRun run = CliRun.of("bench", "--native", "--quick", "--ranks", ranks, "--benchmarks",
        benchmarks, "--results", tmp.resolve("r").toString(), "--plots",
        tmp.resolve("p").toString());
    assertEquals(2, run.exitCode(), run::describe);
    List<String> lines = run.errLines();
    assertEquals(1, lines.size(), run::describe);
    assertTrue(lines.get(0).startsWith("mpjbench: ") && lines.get(0).contains("--native"),
        run::describe);
    assertTrue(run.err().contains(alsoNamed), run::describe);
  }
}
