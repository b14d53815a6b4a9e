package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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
