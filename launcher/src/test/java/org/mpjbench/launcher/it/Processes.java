package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Process and port helpers for integration tests. */
final class Processes {
  private Processes() {}

  /** A TCP port free on loopback right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * {@code mpjbench ARGS...} as a process of its own (a JVM on this test's class path), for what
   * must be killable apart from the test: a line server, say.
   */
  static ProcessBuilder launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.mpjbench.launcher.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /**
   * Kills {@code process} with SIGKILL (no shutdown hook runs: a crash) and waits for it to be
   * gone; null is ignored.
   */
  static void kill(Process process) throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Starts {@code mpjbench ARGS...} as a JVM of its own (so that it can be sent a signal), its
   * output and errors into {@code log}.
   */
  static Process startLauncher(Path log, String... args) throws IOException {
    return launcher(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Waits until {@code launcher} has started the MPJ runtime (its first child process), at most
   * {@code timeout}, then {@code settle} more for the ranks to get going.
   */
  static void awaitRuntime(Process launcher, Duration timeout, Duration settle)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (launcher.toHandle().descendants().findAny().isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    Thread.sleep(settle.toMillis());
  }

  /**
   * SIGTERM (as Ctrl-C) to {@code launcher} once its first run's MPJ runtime is up and its ranks
   * have had {@code settle} to get going; asserts that it ends within 90 s, and kills it if not.
   */
  static void terminateOnceRunning(Process launcher, Duration settle)
      throws InterruptedException {
    try {
      awaitRuntime(launcher, Duration.ofSeconds(60), settle);
      launcher.destroy();
      assertTrue(launcher.waitFor(90, TimeUnit.SECONDS),
          "the launcher ends after SIGTERM");
    } finally {
      launcher.destroyForcibly();
    }
  }

  /**
   * Waits until the {@code --trace} file {@code trace} holds {@code count} events of kind {@code
   * event} (e.g. "progress"), at most {@code timeout} and while {@code running} holds; what the
   * ranks report, not a guess at how long a loaded machine takes to start them.
   */
  static void awaitTraceEvent(Path trace, String event, int count, Duration timeout,
      java.util.function.BooleanSupplier running) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String wanted = "\"event\":\"" + event + "\"";
    while (System.nanoTime() < deadline && running.getAsBoolean()) {
      if (java.nio.file.Files.exists(trace) && java.nio.file.Files.readAllLines(trace).stream()
          .filter(line -> line.contains(wanted)).count() >= count) {
        return;
      }
      Thread.sleep(100);
    }
  }

  /** Fails when {@code parent} still has live descendant processes, naming them. */
  static void assertNoDescendants(ProcessHandle parent, String what) {
    List<String> alive =
        parent.descendants()
            .filter(ProcessHandle::isAlive)
            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
            .toList();
    assertEquals(List.of(), alive, what + " left processes running");
  }
}
