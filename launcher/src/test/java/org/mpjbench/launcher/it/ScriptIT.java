package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code launcher/mpjbench} script itself, as a user runs it. */
class ScriptIT {
  @TempDir Path work;

  private static Path script() {
    return Path.of(System.getProperty("mpjbench.repo", "..")).resolve("launcher/mpjbench");
  }

  private record Outcome(int exitCode, String out, String err) {}

  private Outcome run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(script().toString()));
    command.addAll(List.of(args));
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    Process process =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .start();
    assertTrue(process.waitFor(300, TimeUnit.SECONDS), "script finished");
    return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void runsBerkeleyAndWritesTheResult() throws Exception {
    Path results = work.resolve("results");
    Outcome outcome =
        run("run", "berkeley", "-np", "2", "--rounds", "5", "--results", results.toString());
    assertEquals(0, outcome.exitCode(), outcome.err());
    assertTrue(outcome.out().startsWith("berkeley: 2 ranks, multicore, 5 rounds"), outcome.out());
    assertTrue(LauncherRun.newestResult(results) != null);
  }

  @Test
  void anUnknownKernelIsOneLineAndExitCodeTwo() throws Exception {
    Outcome outcome = run("run", "nope");
    assertEquals(2, outcome.exitCode());
    assertEquals(1, outcome.err().strip().lines().count(), outcome.err());
    assertTrue(outcome.err().contains("unknown kernel 'nope'"), outcome.err());
  }
}
