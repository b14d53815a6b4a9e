package org.mpjbench.launcher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that write files of fixed names refuse, before anything runs, a folder that already
 * holds one: a sweep's or a bench's table of an earlier run, or a user's file of that name, is never
 * overwritten.
 */
class NeverOverwriteTest {
  @TempDir Path tmp;

  @Test
  void aSweepIntoAFolderHoldingASweepCsvIsRefusedAndTheFileKept() throws IOException {
    Path users = Files.writeString(tmp.resolve("sweep.csv"), "an earlier sweep\n");
    CliRun run = CliRun.of("sweep", "--kernels", "berkeley", "--ranks", "1", "--results",
        tmp.toString(), "--plots", tmp.resolve("plots").toString());
    BadInputTest.assertUsageError(run,
        List.of("results folder " + tmp + " already holds sweep.csv", "left untouched"));
    assertEquals("an earlier sweep\n", Files.readString(users));
  }

  @Test
  void aBenchIntoAFolderHoldingItsTablesIsRefusedAndTheFilesKept() throws IOException {
    Path users = Files.writeString(tmp.resolve("jmh-2r.json"), "[]");
    CliRun run = CliRun.of("bench", "--quick", "--ranks", "2", "--results", tmp.toString(),
        "--plots", tmp.resolve("plots").toString());
    BadInputTest.assertUsageError(run,
        List.of("results folder " + tmp + " already holds jmh-2r.json", "left untouched"));
    assertEquals("[]", Files.readString(users));

    Files.delete(users);
    Path markdown = Files.writeString(tmp.resolve("bench.md"), "# my notes\n");
    run = CliRun.of("bench", "--quick", "--ranks", "2", "--results", tmp.toString());
    BadInputTest.assertUsageError(run, List.of("already holds bench.md"));
    assertEquals("# my notes\n", Files.readString(markdown));
  }
}
