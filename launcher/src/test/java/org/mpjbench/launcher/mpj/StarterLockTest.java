package org.mpjbench.launcher.mpj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lock that keeps two niodev runs of one host off MPJ's one starter port: the second waits,
 * saying for whom, and gives up naming the holder; a port taken by a stranger is named too.
 */
class StarterLockTest {
  /** The random ports this test locked: their lock files are the test's, removed after it. */
  private final List<Integer> ports = new ArrayList<>();

  private int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      ports.add(socket.getLocalPort());
      return socket.getLocalPort();
    }
  }

  @org.junit.jupiter.api.AfterEach
  void removeTheLockFilesOfThisTestsPorts() throws IOException {
    for (int port : ports) {
      java.nio.file.Files.deleteIfExists(StarterLock.lockFile(port));
    }
  }

  @Test
  void aSecondRunWaitsNamingTheFirstAndGivesUpAfterItsPatience() throws IOException {
    int port = freePort();
    List<String> notes = new ArrayList<>();
    try (StarterLock first = StarterLock.acquire(port, "mpjbench run berkeley -np 4",
        Duration.ofSeconds(5), notes::add)) {
      long start = System.nanoTime();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> StarterLock.acquire(port, "mpjbench run ring -np 2", Duration.ofMillis(600),
              notes::add));
      long waitedMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(waitedMillis >= 500, "waited " + waitedMillis + " ms");
      assertTrue(e.getMessage().startsWith("another niodev run on this host (pid "
          + ProcessHandle.current().pid() + ", mpjbench run berkeley -np 4, since "),
          e.getMessage());
      assertTrue(e.getMessage().endsWith("still holds MPJ's starter port " + port
          + " after 0 s (--startup-timeout-s); run one after the other"), e.getMessage());
      assertEquals(1, notes.size(), notes::toString);
      assertTrue(notes.get(0).startsWith("waiting for another niodev run on this host to end"
          + " (pid "), notes.get(0));
    }
    try (StarterLock second = StarterLock.acquire(port, "mpjbench run ring -np 2",
        Duration.ofSeconds(5), notes::add)) {
      assertEquals(1, notes.size(), "released: taken at once, without waiting");
    }
  }

  @Test
  void aPortHeldByAStrangerIsNamedWithinSecondsNotAfterTheWholePatience() throws IOException {
    try (ServerSocket stranger = new ServerSocket()) {
      stranger.bind(new InetSocketAddress(0));
      int port = stranger.getLocalPort();
      ports.add(port);
      long startNanos = System.nanoTime();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> StarterLock.acquire(port, "mpjbench run berkeley -np 2", Duration.ofSeconds(60),
              message -> { }));
      assertTrue(System.nanoTime() - startNanos < Duration.ofSeconds(20).toNanos(),
          "a start-up time-out of 60 s is not waited out for a port taken by a stranger");
      assertEquals("MPJ's starter port " + port + " is taken on this host by a process that is"
          + " not an mpjbench run (another MPJ job? 'ss -ltnp sport = :" + port + "' names it);"
          + " choose a free one with --starter-port", e.getMessage());
      // The failed attempt released the lock: the next run is not kept waiting by it.
      stranger.close();
      try (StarterLock next = StarterLock.acquire(port, "next", Duration.ofSeconds(2), m -> { })) {
        assertTrue(true);
      }
    }
  }

  /**
   * A holder that has taken the lock but not yet said who it is (the moment between the two, or
   * a released holder's name wiped): the waiting run gives it a moment and names it, instead of
   * "a run that has not said who it is".
   */
  @Test
  void aWaitingRunNamesAHolderThatSaysWhoItIsAMomentLate() throws Exception {
    int port = freePort();
    java.nio.file.Path file = StarterLock.lockFile(port);
    try (java.nio.channels.FileChannel holder = java.nio.channels.FileChannel.open(file,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.READ,
            java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = holder.lock()) {
      Thread late = new Thread(() -> {
        try {
          Thread.sleep(300);
          holder.write(java.nio.ByteBuffer.wrap("pid 1, a late run\n".getBytes(
              java.nio.charset.StandardCharsets.UTF_8)), 0);
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      late.start();
      List<String> notes = new ArrayList<>();
      assertThrows(IllegalStateException.class, () -> StarterLock.acquire(port,
          "mpjbench run ring -np 2", Duration.ofMillis(1_500), notes::add));
      late.join();
      assertEquals(1, notes.size(), notes::toString);
      assertTrue(notes.get(0).startsWith("waiting for another niodev run on this host to end"
          + " (pid 1, a late run)"), notes.get(0));
    }
    try (StarterLock released = StarterLock.acquire(port, "mpjbench run ring -np 2",
        Duration.ofSeconds(5), note -> { })) {
      assertTrue(released != null);
    }
    assertEquals(0, java.nio.file.Files.size(file), "a released holder's name is wiped");
  }
}
