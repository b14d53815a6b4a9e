package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;

/**
 * The Berkeley kernel in MPJ Express's cluster configuration (niodev): one JVM per rank, started
 * by a real MPJ daemon that the test starts and stops, on a port of its own.
 */
class BerkeleyNiodevIT {
  @TempDir Path work;

  @Test
  void twoRanksThroughADaemonTheTestStarts() throws Exception {
    int port = Processes.freePort();
    Path machines = work.resolve("machines");
    Files.writeString(machines, "# this host only\nlocalhost\n");
    MpjDaemon daemon =
        MpjDaemon.start(MpjHome.resolve(null), port, false, work.resolve("daemon.log"));
    ProcessHandle daemonProcess = ProcessHandle.of(daemon.pid()).orElseThrow();
    try {
      LauncherRun run =
          LauncherRun.run(
              work.resolve("results"), "run", "berkeley", "-np", "2", "--device", "niodev",
              "--machines", machines.toString(), "--daemon-port", Integer.toString(port),
              "--spread-ms", "50");
      run.expectExit(0);
      assertTrue(run.err().contains("using the MPJ daemon already listening"), run.err());
      JsonNode json = run.json();
      assertEquals("niodev", json.get("device").asText());
      assertEquals(port, json.at("/environment/daemonPort").asInt());
      assertEquals("localhost", json.at("/environment/machines/0").asText());
      long finalSkew = json.at("/result/summary/finalSkewNanos").asLong();
      assertTrue(finalSkew <= 100_000, "final true skew " + finalSkew + " ns");
      assertTrue(json.at("/result/summary/initialSkewNanos").asLong() > 1_000_000);
      assertNotEquals(
          json.at("/rankHosts/0/pid").asLong(),
          json.at("/rankHosts/1/pid").asLong(),
          "niodev runs one JVM per rank");
      Processes.assertNoDescendants(daemonProcess, "the finished run");
    } finally {
      daemon.stop();
    }
    assertFalse(daemonProcess.isAlive());
    assertFalse(MpjDaemon.isListening("127.0.0.1", port, Duration.ofMillis(500)));
  }

  /**
   * {@code --protocol-switch-bytes} reaches MPJ's starter as mpjrun's {@code -psl} (its command
   * line while the run goes on) and the result file records it; the run completes.
   */
  @Test
  void theProtocolSwitchLimitGoesToMpjsStarterAndIntoTheRecord() throws Exception {
    int port = Processes.freePort();
    Path results = work.resolve("psl");
    Path log = work.resolve("psl.log");
    Process launcher = Processes.launcher("run", "berkeley", "-np", "2", "--device", "niodev",
        "--daemon-port", Integer.toString(port), "--rounds", "500", "--protocol-switch-bytes",
        "4194304", "--results", results.toString()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      String starter = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (starter == null && launcher.isAlive() && System.nanoTime() < deadline) {
        starter = launcher.descendants().map(p -> p.info().commandLine().orElse(""))
            .filter(line -> line.contains("starter.jar")).findFirst().orElse(null);
        Thread.sleep(20);
      }
      assertTrue(starter != null, "MPJ's starter seen: " + Files.readString(log));
      assertTrue(starter.contains(" -psl 4194304 "), starter);
      assertTrue(launcher.waitFor(120, TimeUnit.SECONDS), "the run ends");
    } finally {
      if (launcher.isAlive()) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
      }
    }
    assertEquals(0, launcher.exitValue(), Files.readString(log));
    JsonNode json = org.mpjbench.kernels.results.ResultWriter.mapper()
        .readTree(LauncherRun.newestResult(results).toFile());
    assertEquals("complete", json.get("status").asText());
    assertEquals(4_194_304, json.at("/environment/protocolSwitchBytes").asInt());
    assertFalse(MpjDaemon.isListening("127.0.0.1", port, Duration.ofMillis(500)),
        "the run's own daemon is gone");
  }

  @Test
  void aRunWithoutDaemonStartsOneAndStopsIt() throws Exception {
    int port = Processes.freePort();
    LauncherRun run =
        LauncherRun.run(
            work.resolve("results"), "run", "berkeley", "-np", "2", "--device", "niodev",
            "--daemon-port", Integer.toString(port), "--rounds", "5");
    run.expectExit(0);
    assertTrue(run.err().contains("started an MPJ daemon"), run.err());
    assertEquals("complete", run.json().get("status").asText());
    assertFalse(
        MpjDaemon.isListening("127.0.0.1", port, Duration.ofMillis(500)),
        "the run's own daemon is gone");
    Processes.assertNoDescendants(ProcessHandle.current(), "the run");
  }

  /**
   * Two niodev runs started at once from one host: MPJ's starter has one port, so the second waits
   * for the first (saying so), and both complete; before, both could be lost to a port clash.
   */
  @Test
  void twoRunsStartedAtOnceBothCompleteOneAfterTheOther() throws Exception {
    int port = Processes.freePort();
    Path machines = work.resolve("machines");
    Files.writeString(machines, "localhost\n");
    MpjDaemon daemon =
        MpjDaemon.start(MpjHome.resolve(null), port, false, work.resolve("daemon.log"));
    List<Process> runs = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        runs.add(Processes.startLauncher(work.resolve("run-" + i + ".log"), "run", "berkeley",
            "-np", "2", "--device", "niodev", "--machines", machines.toString(), "--daemon-port",
            Integer.toString(port), "--rounds", "5", "--results",
            work.resolve("results-" + i).toString()));
      }
      StringBuilder logs = new StringBuilder();
      for (int i = 0; i < 2; i++) {
        assertTrue(runs.get(i).waitFor(180, TimeUnit.SECONDS), "run " + i + " ended");
        logs.append(Files.readString(work.resolve("run-" + i + ".log")));
      }
      for (int i = 0; i < 2; i++) {
        assertEquals(0, runs.get(i).exitValue(), logs::toString);
      }
      assertTrue(logs.toString().contains("mpjbench: waiting for another niodev run on this host"
          + " to end (pid "), logs::toString);
      assertFalse(logs.toString().contains("BindException"), logs::toString);
    } finally {
      for (Process run : runs) {
        Processes.kill(run);
      }
      daemon.stop();
    }
  }
}
