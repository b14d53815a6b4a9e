package org.mpjbench.launcher.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The download kernel's runs as its integration tests make them: {@code run download} on a number
 * of ranks with the result under the test's folder, timed when the test bounds how long it took.
 */
final class DownloadRuns {
  private DownloadRuns() {}

  /** A run and its wall time in seconds. */
  record Timed(LauncherRun run, double seconds) {}

  /** Runs {@code mpjbench run download -np RANKS OPTIONS... --results WORK/results}. */
  static LauncherRun download(Path work, int ranks, String... options) throws IOException {
    List<String> args =
        new ArrayList<>(List.of("run", "download", "-np", Integer.toString(ranks)));
    args.addAll(List.of(options));
    return LauncherRun.run(work.resolve("results"), args.toArray(String[]::new));
  }

  /** Runs {@link #download} and expects it to succeed (exit code 0). */
  static LauncherRun downloaded(Path work, int ranks, String... options) throws IOException {
    return download(work, ranks, options).expectExit(0);
  }

  /** Runs {@link #download} and measures its wall time. */
  static Timed timed(Path work, int ranks, String... options) throws IOException {
    long start = System.nanoTime();
    LauncherRun run = download(work, ranks, options);
    return new Timed(run, (System.nanoTime() - start) / 1e9);
  }
}
