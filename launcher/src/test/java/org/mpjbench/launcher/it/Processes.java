package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
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
