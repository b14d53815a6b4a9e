package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
   * Starts {@code mpjbench ARGS...} as a JVM of its own (so that it can be sent a signal), its
   * output and errors into {@code log}.
   */
  static Process startLauncher(Path log, String... args) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), "org.mpjbench.launcher.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
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
