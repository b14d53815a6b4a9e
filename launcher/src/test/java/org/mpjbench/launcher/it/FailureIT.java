package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;

/**
 * A rank that fails, hangs or dies makes the whole run fail within a bounded time, with the rank
 * named and its error shown, a partial result file marked as such, and no process left behind.
 * The faults are injected into real MPJ ranks; nothing here stands in for the runtime.
 */
class FailureIT {
  @TempDir Path results;

  @Test
  void aThrowingRankFailsTheRunAndIsNamed() throws Exception {
    long startNanos = System.nanoTime();
    LauncherRun run =
        LauncherRun.run(results, "run", "berkeley", "-np", "4", "--inject-fault", "2:fail");
    run.expectExit(1);
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    assertTrue(took.toSeconds() < 60, "took " + took);
    assertTrue(run.err().contains("rank 2"), run.err());
    assertTrue(run.err().contains("injected failure"), run.err());
    assertTrue(run.err().contains("RankMain"), "the rank's stack trace is shown: " + run.err());
    JsonNode json = run.json();
    assertEquals("failed", json.get("status").asText());
    assertTrue(json.get("partial").asBoolean());
    assertEquals(2, json.at("/error/rank").asInt());
    assertTrue(json.at("/error/detail").asText().contains("IllegalStateException"));
    assertTrue(json.get("result") == null || json.get("result").isNull());
    Processes.assertNoDescendants(ProcessHandle.current(), "the failed run");
  }

  @Test
  void aHangingRankEndsAtTheTimeout() throws Exception {
    long startNanos = System.nanoTime();
    LauncherRun run =
        LauncherRun.run(
            results, "run", "berkeley", "-np", "3", "--inject-fault", "1:hang", "--timeout-s", "8");
    run.expectExit(1);
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    assertTrue(took.toSeconds() < 40, "took " + took);
    assertTrue(run.err().contains("did not finish within 8 s"), run.err());
    assertEquals("timed-out", run.json().get("status").asText());
    Processes.assertNoDescendants(ProcessHandle.current(), "the timed-out run");
  }

  @Test
  void aRankWhoseJvmDiesFailsTheRun() throws Exception {
    LauncherRun run =
        LauncherRun.run(results, "run", "berkeley", "-np", "3", "--inject-fault", "2:exit");
    run.expectExit(1);
    assertTrue(run.err().contains("lost its connection"), run.err());
    assertEquals("failed", run.json().get("status").asText());
    Processes.assertNoDescendants(ProcessHandle.current(), "the run");
  }

  @Test
  void aFailingNiodevRankLeavesNoRankJvmBehind() throws Exception {
    int port = Processes.freePort();
    MpjDaemon daemon = MpjDaemon.start(MpjHome.resolve(null), port, false,
        results.resolve("daemon.log"));
    ProcessHandle daemonProcess = ProcessHandle.of(daemon.pid()).orElseThrow();
    try {
      long startNanos = System.nanoTime();
      LauncherRun run =
          LauncherRun.run(
              results, "run", "berkeley", "-np", "3", "--device", "niodev",
              "--daemon-port", Integer.toString(port), "--inject-fault", "1:fail");
      run.expectExit(1);
      assertTrue(Duration.ofNanos(System.nanoTime() - startNanos).toSeconds() < 60);
      assertTrue(run.err().contains("rank 1"), run.err());
      assertEquals("failed", run.json().get("status").asText());
      // The other ranks were blocked in MPI; the abort must have ended their JVMs too.
      waitForNoDescendants(daemonProcess, Duration.ofSeconds(15));
      Processes.assertNoDescendants(daemonProcess, "the failed niodev run");
    } finally {
      daemon.stop();
    }
  }

  /**
   * A rank JVM that stops answering without its connection breaking (here: SIGSTOP, as a frozen
   * or cut-off host looks to the launcher) is noticed by its missing heartbeats and named.
   */
  @Test
  void aFrozenRankIsNamedAfterTheSilenceTimeout() throws Exception {
    int port = Processes.freePort();
    MpjDaemon daemon = MpjDaemon.start(MpjHome.resolve(null), port, false,
        results.resolve("daemon.log"));
    ProcessHandle daemonProcess = ProcessHandle.of(daemon.pid()).orElseThrow();
    Path trace = results.resolve("frozen.trace");
    try {
      java.util.concurrent.CompletableFuture<LauncherRun> running =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
              return LauncherRun.run(results.resolve("frozen"), "run", "berkeley", "-np", "2",
                  "--device", "niodev", "--daemon-port", Integer.toString(port),
                  "--rounds", "10000", "--interval-ms", "20", "--silence-timeout-s", "3",
                  "--trace", trace.toString());
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      long rank1Pid = awaitRankPid(trace, 1, running);
      long stoppedNanos = System.nanoTime();
      new ProcessBuilder("kill", "-STOP", Long.toString(rank1Pid)).start().waitFor();
      LauncherRun run = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - stoppedNanos) / 1e9;
      run.expectExit(1);
      assertTrue(run.err().contains("rank 1 on host") && run.err().contains("silent"),
          run.err());
      assertTrue(seconds < 3 + 10, "noticed " + seconds + " s after the freeze");
      assertEquals(1, run.json().at("/error/rank").asInt());
      // A frozen JVM cannot act on the abort; once it thaws, it finds the launcher gone and
      // halts by itself (as a rank on a host that comes back would).
      new ProcessBuilder("kill", "-CONT", Long.toString(rank1Pid)).start().waitFor();
      waitForNoDescendants(daemonProcess, Duration.ofSeconds(15));
      Processes.assertNoDescendants(daemonProcess, "the run with a frozen rank");
    } finally {
      daemon.stop();
    }
  }

  /** The pid rank {@code rank} reported when it started, read from the run's trace file. */
  private static long awaitRankPid(Path trace, int rank,
      java.util.concurrent.Future<LauncherRun> running) throws Exception {
    // Once rounds are under way (a progress record), every rank has said where it runs.
    Processes.awaitTraceEvent(trace, "progress", 1, Duration.ofSeconds(60),
        () -> !running.isDone());
    if (java.nio.file.Files.exists(trace)) {
      for (String line : java.nio.file.Files.readAllLines(trace)) {
        JsonNode event = org.mpjbench.kernels.results.ResultWriter.mapper().readTree(line);
        if (event.path("event").asText().equals("started") && event.path("rank").asInt() == rank) {
          return event.at("/payload/pid").asLong();
        }
      }
    }
    throw new AssertionError("rank " + rank + " never started; run: "
        + (running.isDone() ? running.get().err() : "still going"));
  }

  private static void waitForNoDescendants(ProcessHandle parent, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (parent.descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
