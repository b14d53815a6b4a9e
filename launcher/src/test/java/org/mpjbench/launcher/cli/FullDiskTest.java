package org.mpjbench.launcher.cli;

import org.mpjbench.launcher.runs.UserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.charts.ResultFixtures;
import org.mpjbench.launcher.results.Tmpfs;

/**
 * A full or read-only disk under the results folder, the --trace file or the charts' folder
 * stops {@code run}, {@code sweep}, {@code bench} and {@code plot} before anything starts: exit
 * code 2, one line saying how much is free and how much a run needs. For real, on a tmpfs
 * mounted for the test (root only; skipped otherwise). Every run is given an empty --mpj-home
 * or a damage limit, as in {@link BadInputTest}, so that a check that let it through could not
 * start much.
 */
class FullDiskTest {
  @TempDir Path tmp;

  private final List<Tmpfs> disks = new ArrayList<>();
  private Path noMpjHome;
  private Path full;

  @BeforeEach
  void mountATinyDisk() throws IOException {
    noMpjHome = Files.createDirectories(tmp.resolve("no-mpj-home"));
    full = mount("full", "256k");
  }

  @AfterEach
  void unmount() throws IOException {
    for (Tmpfs disk : disks) {
      disk.close();
    }
  }

  private Path mount(String name, String size) throws IOException {
    Tmpfs disk = Tmpfs.mount(tmp.resolve(name), size);
    disks.add(disk);
    return disk.path();
  }

  @Test
  void runStopsBeforeItStartsWhenTheResultsFolderIsFull() throws IOException {
    Path results = full.resolve("results");
    CliRun run = CliRun.of("run", "berkeley", "-np", "2", "--results", results.toString(),
        "--mpj-home", noMpjHome.toString());
    assertOneLine(run, "mpjbench: results folder " + results + " has only 256 KiB free; a run"
        + " needs at least 4096 KiB");
    assertNothingIn(full);
  }

  @Test
  void downloadCountsTheCopyOfTheFileItWillStore() throws IOException {
    Path disk = mount("five", "5m");
    Path served = Files.writeString(tmp.resolve("two-mib.txt"), "0123456789abcde\n".repeat(131_072));
    CliRun run = CliRun.of("run", "download", "-np", "2", "--file", served.toString(),
        "--results", disk.toString(), "--mpj-home", noMpjHome.toString());
    assertOneLine(run, "mpjbench: results folder " + disk + " has only 5120 KiB free; a run needs"
        + " at least 6144 KiB");
    // The control: a small file fits, and the run goes on to the (missing) MPJ home.
    run = CliRun.of("run", "download", "-np", "2", "--lines", "100", "--results",
        disk.toString(), "--mpj-home", noMpjHome.toString());
    assertEquals(UserError.FAILED, run.exitCode(), run::describe);
    assertTrue(run.err().contains("MPJ Express home"), run::describe);
  }

  @Test
  void aTraceOnAFullDiskStopsTheRunBeforeItStarts() throws IOException {
    Path trace = full.resolve("run.jsonl");
    CliRun run = CliRun.of("run", "berkeley", "-np", "2", "--trace", trace.toString(),
        "--results", tmp.resolve("results").toString(), "--mpj-home", noMpjHome.toString());
    assertOneLine(run, "mpjbench: --trace " + trace + " has only 256 KiB free; a run needs at"
        + " least 4096 KiB");
    assertNothingIn(full);
  }

  @Test
  void sweepAndBenchStopBeforeTheFirstRun() throws IOException {
    Path results = full.resolve("results");
    Path plots = full.resolve("plots");
    String[] limits = {"--ranks", "1", "--repeat", "1", "--rounds", "1", "--kernels", "berkeley"};
    CliRun run = CliRun.of(concat(new String[] {"sweep", "--results", results.toString(),
        "--plots", tmp.resolve("plots").toString()}, limits));
    assertOneLine(run, "mpjbench: results folder " + results + " has only 256 KiB free");
    run = CliRun.of(concat(new String[] {"sweep", "--results", tmp.resolve("r").toString(),
        "--plots", plots.toString()}, limits));
    assertOneLine(run, "mpjbench: plots folder " + plots + " has only 256 KiB free");

    run = CliRun.of("bench", "--quick", "--ranks", "1", "--benchmarks", "ping-pong",
        "--results", results.toString(), "--plots", tmp.resolve("plots").toString());
    assertOneLine(run, "mpjbench: results folder " + results + " has only 256 KiB free");
    run = CliRun.of("bench", "--quick", "--ranks", "1", "--benchmarks", "ping-pong",
        "--results", tmp.resolve("r").toString(), "--plots", plots.toString());
    assertOneLine(run, "mpjbench: plots folder " + plots + " has only 256 KiB free");
    assertNothingIn(full);
    assertNothingIn(tmp.resolve("r"));
  }

  @Test
  void plotStopsBeforeDrawingWhenItsFolderIsFull() throws IOException {
    Path results = tmp.resolve("results");
    ResultFixtures.write(results, ResultFixtures.berkeley(4, 27_000_000, 20_000, 800));
    CliRun run = CliRun.of("plot", results.toString(), "--out", full.toString());
    assertOneLine(run, "mpjbench: --out " + full + " has only 256 KiB free; a run needs at least"
        + " 4096 KiB");
    assertNothingIn(full);
  }

  @Test
  void aReadOnlyResultsFolderStopsTheRunEvenForRoot() throws IOException {
    Tmpfs disk = Tmpfs.mount(tmp.resolve("read-only"), "8m");
    disks.add(disk);
    Path results = Files.createDirectories(disk.path().resolve("results"));
    disk.readOnly();
    CliRun run = CliRun.of("run", "berkeley", "-np", "2", "--results", results.toString(),
        "--mpj-home", noMpjHome.toString());
    assertOneLine(run, "mpjbench: results folder " + results + " is not writable (Read-only file"
        + " system)");
    run = CliRun.of("run", "berkeley", "-np", "2", "--trace", results.resolve("t.jsonl")
        .toString(), "--results", tmp.resolve("r").toString(), "--mpj-home", noMpjHome.toString());
    assertOneLine(run, "mpjbench: --trace " + results.resolve("t.jsonl") + " is not writable"
        + " (Read-only file system)");
  }

  private static void assertOneLine(CliRun run, String start) {
    assertEquals(UserError.USAGE, run.exitCode(), run::describe);
    assertEquals(1, run.errLines().size(), run::describe);
    assertTrue(run.err().startsWith(start), () -> "expected '" + start + "...'\n" + run.describe());
    assertEquals("", run.out(), run::describe);
  }

  private static void assertNothingIn(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.walk(folder)) {
        assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing written");
      }
    }
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
