package org.mpjbench.launcher.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the host's network tools ({@code ip}) with a time-out each, and turns a failure into an
 * exception that quotes the command and what it printed. Nothing here goes through a shell, so no
 * argument is ever interpreted twice.
 */
final class HostCommands {
  /** Bound on one {@code ip} call: they take milliseconds; a hung one must not hang us. */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** ip prints a few lines; anything beyond 64 KiB is not worth keeping. */
  private static final int OUTPUT_LIMIT_BYTES = 65_536;

  private HostCommands() {}

  /** What a finished command printed and how it ended. */
  record Outcome(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs {@code command}; fails with its output when it exits non-zero. */
  static String run(String... command) {
    Outcome outcome = attempt(command);
    if (!outcome.ok()) {
      throw new IllegalStateException("'" + String.join(" ", command) + "' failed (exit "
          + outcome.exitCode() + "): " + outcome.output().strip());
    }
    return outcome.output();
  }

  /** Runs {@code command} and reports how it ended, failing only when it cannot be run at all. */
  static Outcome attempt(String... command) {
    Process process;
    try {
      process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command[0] + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> drain(
        process.getInputStream(), OUTPUT_LIMIT_BYTES));
    try {
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within "
            + TIMEOUT.toSeconds() + " s");
      }
      return new Outcome(process.exitValue(), output.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command[0], e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return new Outcome(process.exitValue(), "");
    }
  }

  /** Reads {@code in} to its end, keeping its first {@code limit} bytes: the rest is dropped. */
  static String drain(InputStream in, int limit) {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (bytes.size() < limit) {
          bytes.write(buffer, 0, Math.min(n, limit - bytes.size()));
        }
      }
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Starts a daemon of a test host ({@code command}, its output appended to {@code output}) and
   * waits until {@code ready}; when it exits first or is not ready within {@code timeout}, stops it
   * and fails quoting the last line of {@code log}.
   *
   * @param what the daemon, for the message ("slurmd on h1")
   */
  static Process startAndAwait(List<String> command, java.nio.file.Path output, String what,
      java.util.function.BooleanSupplier ready, java.nio.file.Path log, Duration timeout)
      throws IOException {
    java.nio.file.Files.createDirectories(output.toAbsolutePath().getParent());
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready.getAsBoolean()) {
      boolean alive = process.isAlive();
      if (!alive || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IOException(what + (alive ? " did not start within " + timeout.toSeconds()
            + " s" : " exited") + ": " + lastLine(log));
      }
      try {
        process.waitFor(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IOException("interrupted while starting " + what, e);
      }
    }
    return process;
  }

  /** The last line of a daemon's log, to quote when it would not start, with the log's path. */
  static String lastLine(java.nio.file.Path log) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "(" + log + " is empty)" : lines.get(lines.size() - 1) + " (" + log
          + ")";
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
