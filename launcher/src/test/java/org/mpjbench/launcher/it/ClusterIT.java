package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;
import org.mpjbench.launcher.results.Environments;

/**
 * {@code mpjbench cluster start|status|stop} with a real MPJ daemon on a port of the test's own,
 * and a niodev run that uses the daemon it started.
 */
class ClusterIT {
  @TempDir Path results;

  @Test
  void startStatusRunStop() throws Exception {
    String port = Integer.toString(Processes.freePort());
    LauncherRun start = LauncherRun.runPlain("cluster", "start", "--daemon-port", port);
    long pid = -1;
    try {
      start.expectExit(0);
      Matcher started = Pattern.compile("MPJ daemon started: pid (\\d+)").matcher(start.out());
      assertTrue(started.find(), start.out());
      pid = Long.parseLong(started.group(1));
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
      // Named by host and port: on a home the hosts share, each host keeps its own.
      Path pidFile = MpjHome.defaultPath().getParent().resolve("daemons")
          .resolve("daemon-" + Environments.hostName() + "-" + port + ".pid");
      assertTrue(Files.readString(pidFile).startsWith(pid + " "), pidFile.toString());

      LauncherRun again = LauncherRun.runPlain("cluster", "start", "--daemon-port", port);
      again.expectExit(0);
      assertTrue(again.out().contains("already running: pid " + pid), again.out());

      LauncherRun status = LauncherRun.runPlain("cluster", "status", "--daemon-port", port);
      status.expectExit(0);
      assertTrue(status.out().contains("daemon answering"), status.out());
      assertTrue(status.out().contains("pid " + pid), status.out());

      LauncherRun run = LauncherRun.run(results, "run", "berkeley", "-np", "2", "--device",
          "niodev", "--daemon-port", port, "--rounds", "5");
      run.expectExit(0);
      assertTrue(run.err().contains("using the MPJ daemon already listening"), run.err());
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "a run leaves a daemon it did not start running");
    } finally {
      Path machines = Files.writeString(results.resolve("machines"), "localhost\n");
      LauncherRun stop = LauncherRun.runPlain("cluster", "stop", "--daemon-port", port,
          "--machines", machines.toString());
      stop.expectExit(0);
      if (pid > 0) {
        assertTrue(stop.out().contains("MPJ daemon stopped: pid " + pid), stop.out());
      }
    }
    long stoppedPid = pid;
    assertFalse(ProcessHandle.of(stoppedPid).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(Files.exists(MpjHome.defaultPath().getParent().resolve("daemons")
        .resolve("daemon-" + Environments.hostName() + "-" + port + ".pid")));
    assertFalse(MpjDaemon.isListening("127.0.0.1", Integer.parseInt(port),
        Duration.ofMillis(500)));
    LauncherRun status = LauncherRun.runPlain("cluster", "status", "--daemon-port", port);
    status.expectExit(1);
    assertTrue(status.out().contains("NO daemon answering"), status.out());
    LauncherRun stopAgain = LauncherRun.runPlain("cluster", "stop", "--daemon-port", port);
    stopAgain.expectExit(0);
    assertTrue(stopAgain.out().contains("no MPJ daemon started by mpjbench"), stopAgain.out());
  }
}
