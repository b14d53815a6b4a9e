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

  private static void waitForNoDescendants(ProcessHandle parent, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (parent.descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
