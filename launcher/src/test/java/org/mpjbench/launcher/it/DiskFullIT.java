package org.mpjbench.launcher.it;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.results.Tmpfs;

/**
 * The disk fills up while a run goes on (another program, say): the result cannot be written, and
 * the run says so, exits with 1, and prints the record on stderr as one line of JSON so that its
 * figures are not lost. For real: a tmpfs mounted for the test and filled once the ranks report
 * progress, after the run's own check of the free space (root only; skipped otherwise).
 */
class DiskFullIT {
  @TempDir Path work;

  @Test
  void aResultThatCannotBeWrittenIsPrintedOnStderrAndTheRunFails() throws Exception {
    try (Tmpfs disk = Tmpfs.mount(work.resolve("disk"), "5m")) {
      Path results = disk.path().resolve("results");
      Path trace = work.resolve("run.jsonl");
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        Future<LauncherRun> running = executor.submit(() -> LauncherRun.runPlain("run",
            "berkeley", "-np", "2", "--rounds", "100", "--interval-ms", "50", "--trace",
            trace.toString(), "--results", results.toString()));
        long deadline = System.nanoTime() + SECONDS.toNanos(90);
        while (!progressIn(trace) && !running.isDone() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertTrue(progressIn(trace) && !running.isDone(), "the ranks report progress");
        assertTrue(disk.fill() > 0, "filled the disk");
        LauncherRun run = running.get(120, SECONDS);

        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = run.err().lines().toList();
        int said = lines.indexOf(lines.stream()
            .filter(l -> l.startsWith("mpjbench: berkeley complete, but its result could not be"
                + " written to " + results + " (No space left on device)"))
            .findFirst().orElseThrow(() -> new AssertionError(run.err())));
        RunRecord record = ResultWriter.mapper().readValue(lines.get(said + 1), RunRecord.class);
        assertEquals(RunRecord.SCHEMA, record.schema());
        assertEquals("complete", record.status());
        assertEquals(2, record.ranks());
        assertTrue(record.result().at("/summary/finalSkewNanos").isNumber(), lines.get(said + 1));
        assertEquals("", run.out());
        try (Stream<Path> files = Files.list(results)) {
          assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".json")).toList(),
              "no empty or half result file left");
        }
      } finally {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(60, SECONDS), "the run ended");
      }
    }
  }

  private static boolean progressIn(Path trace) throws java.io.IOException {
    return Files.exists(trace) && Files.readString(trace, StandardCharsets.UTF_8)
        .contains("\"event\":\"progress\"");
  }
}
