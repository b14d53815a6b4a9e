package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.mpj.MpjDaemon;

/**
 * Ports per run and per daemon, on the real runtime: two MPJ daemons on this host, each with its
 * own daemon and port-manager ports, and two niodev runs started at once from this host, each
 * with its own starter port, run side by side (their times overlap) and both complete; a port
 * already taken is one line and exit 1, at once, for a run's starter and a daemon's port manager.
 */
class PortsIT {
  @TempDir Path tmp;

  /** Two separate sets of ports, away from MPJ's defaults (which other tests use). */
  private static final int[][] PORTS = {{40155, 40152, 40102}, {40255, 40252, 40202}};

  @Test
  void twoNiodevRunsFromOneHostAtOnceEachOnItsOwnPorts() throws Exception {
    List<Integer> started = new ArrayList<>();
    try {
      for (int[] ports : PORTS) {
        LauncherRun.runPlain("cluster", "start", "--daemon-port", Integer.toString(ports[0]),
            "--port-manager-port", Integer.toString(ports[1])).expectExit(0);
        started.add(ports[0]);
        assertTrue(MpjDaemon.isListening("127.0.0.1", ports[1], Duration.ofSeconds(2)),
            "the daemon's port manager listens on its own port " + ports[1]);
      }
      List<Process> runs = new ArrayList<>();
      for (int i = 0; i < PORTS.length; i++) {
        runs.add(Processes.launcher("run", "berkeley", "-np", "2", "--device", "niodev",
            "--daemon-port", Integer.toString(PORTS[i][0]), "--port-manager-port",
            Integer.toString(PORTS[i][1]), "--starter-port", Integer.toString(PORTS[i][2]),
            "--rounds", "30", "--interval-ms", "100", "--results", tmp.resolve("run" + i)
                .toString()).redirectErrorStream(true)
            .redirectOutput(tmp.resolve("run" + i + ".log").toFile()).start());
      }
      List<Instant[]> spans = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        assertTrue(runs.get(i).waitFor(180, TimeUnit.SECONDS), "run " + i + " ended");
        String printed = Files.readString(tmp.resolve("run" + i + ".log"));
        assertEquals(0, runs.get(i).exitValue(), printed);
        assertFalse(printed.contains("waiting for another niodev run"), printed);
        JsonNode json = StandaloneIT.onlyResult(tmp.resolve("run" + i), "berkeley");
        assertEquals("complete", json.get("status").asText());
        Instant start = Instant.parse(json.get("startTime").asText());
        spans.add(new Instant[] {start, start.plusMillis(
            (long) (json.get("wallTimeSeconds").asDouble() * 1000))});
      }
      assertTrue(spans.get(0)[0].isBefore(spans.get(1)[1])
          && spans.get(1)[0].isBefore(spans.get(0)[1]), "the two runs overlapped in time: "
          + spans.get(0)[0] + ".." + spans.get(0)[1] + " and " + spans.get(1)[0] + ".."
          + spans.get(1)[1]);
    } finally {
      for (int port : started) {
        LauncherRun.runPlain("cluster", "stop", "--daemon-port", Integer.toString(port))
            .expectExit(0);
      }
    }
    for (int[] ports : PORTS) {
      assertFalse(MpjDaemon.isListening("127.0.0.1", ports[0], Duration.ofMillis(500)),
          "daemon on " + ports[0] + " stopped");
    }
  }

  /** A listening socket on the first of {@code ports} that is free now. */
  private static ServerSocket bindFirstFree(int... ports) throws IOException {
    BindException last = null;
    for (int port : ports) {
      ServerSocket socket = new ServerSocket();
      try {
        socket.bind(new InetSocketAddress(port));
        return socket;
      } catch (BindException e) {
        socket.close();
        last = e;
      }
    }
    throw last;
  }

  @Test
  void aTakenStarterPortIsOneLineAtOnce() throws Exception {
    // Fixed ports, not random ones: each starter port gets a port home, made once and kept. They
    // lie in Linux's ephemeral range, so another test's outgoing connection can hold one for a
    // while (this once failed here with "Address already in use"): the first free one is taken.
    try (ServerSocket stranger = bindFirstFree(40302, 40312, 40322)) {
      int port = stranger.getLocalPort();
      long startNanos = System.nanoTime();
      LauncherRun run = LauncherRun.run(tmp.resolve("taken"), "run", "berkeley", "-np", "2",
          "--device", "niodev", "--starter-port", Integer.toString(port)).expectExit(1);
      assertTrue(System.nanoTime() - startNanos < Duration.ofSeconds(20).toNanos());
      assertEquals("mpjbench: MPJ's starter port " + port + " is taken on this host by a process"
          + " that is not an mpjbench run (another MPJ job? 'ss -ltnp sport = :" + port + "'"
          + " names it); choose a free one with --starter-port", run.err().strip());
    }
  }

  @Test
  void aTakenPortManagerPortIsOneLine() throws Exception {
    // The first free of three fixed ports, as above: a port of Linux's ephemeral range may be held
    // for a while by another test's outgoing connection (40352 alone once was: BindException).
    try (ServerSocket stranger = bindFirstFree(40352, 40362, 40372)) {
      int port = stranger.getLocalPort();
      LauncherRun start = LauncherRun.runPlain("cluster", "start", "--daemon-port", "40355",
          "--port-manager-port", Integer.toString(port)).expectExit(1);
      assertEquals("mpjbench: cannot start the MPJ daemon: port " + port + " at 127.0.0.1, which"
          + " the daemon's port manager needs, is taken (another daemon? give each its own with"
          + " --port-manager-port)", start.err().strip());
      assertFalse(MpjDaemon.isListening("127.0.0.1", 40355, Duration.ofMillis(500)));
    }
  }
}
