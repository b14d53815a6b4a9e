package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mpjbench.launcher.cluster.SshHosts;
import org.mpjbench.launcher.cluster.VirtualCluster;
import org.mpjbench.launcher.mpj.MpjDaemon;

/**
 * Daemons booted the MPJ way: {@code cluster up --no-daemons} makes two test hosts that run only
 * their own sshd; {@code cluster boot} starts a daemon on each over ssh (each host runs {@code
 * cluster start} from the shared checkout, so its pid file and log carry its name under the shared
 * home), a niodev run uses them, {@code cluster halt} stops them over ssh, and {@code down} leaves
 * no sshd, daemon, namespace or key behind. A host that cannot be reached is named. Root only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshBootIT {
  private static final List<ProcessHandle> sshds = new ArrayList<>();
  private static Path work;

  @BeforeAll
  static void up() throws IOException {
    work = ClusterFixture.assumeClusterCanComeUp("ssh-boot-");
    LauncherRun up = LauncherRun.runPlain("cluster", "up", "--hosts", "2", "--no-daemons")
        .expectExit(0);
    assertTrue(up.out().contains("boot: mpjbench cluster boot --machines"), up.out());
    VirtualCluster.State state = VirtualCluster.recall().orElseThrow();
    for (VirtualCluster.Host host : state.hosts()) {
      assertEquals(0, host.daemonPid(), "no daemon started by up");
      sshds.add(ProcessHandle.of(host.sshdPid()).orElseThrow());
    }
    sshds.add(ProcessHandle.of(state.server().sshdPid()).orElseThrow());
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (VirtualCluster.isRoot() && !sshds.isEmpty() && VirtualCluster.anyUp()) {
      LauncherRun.runPlain("cluster", "down"); // a failed test's left-overs
    }
    ClusterFixture.deleteTree(work);
  }

  @Test
  @Order(1)
  void everyHostAnswersSshAsItself() throws Exception {
    LauncherRun status = LauncherRun.runPlain("cluster", "status");
    assertEquals(1, status.exitCode(), "no daemon yet: " + status.out());
    assertTrue(status.out().matches("(?s).*h1 +10\\.77\\.0\\.11 +mpjb-h1 +up +up +NOT answering.*"),
        status.out());
    String probe = "/tmp/mpjbench-ssh-probe-" + ProcessHandle.current().pid();
    for (String host : List.of("h1", "h2")) {
      VirtualCluster.Host target = VirtualCluster.host(host).orElseThrow();
      Process ssh = new ProcessBuilder("ssh", "-F", SshHosts.clientConfig().toString(),
          target.address(), "hostname && test ! -e " + probe + " && touch " + probe
              + " && echo made").redirectErrorStream(true).start();
      assertTrue(ssh.waitFor(30, TimeUnit.SECONDS));
      String said = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, ssh.exitValue(), said);
      // h2 does not see what h1 made in its /tmp: each session has its host's own.
      assertEquals(host + "\nmade\n", said, "the ssh session runs on " + host);
    }
    assertFalse(Files.exists(Path.of(probe)), "this machine does not see the hosts' /tmp");
  }

  @Test
  @Order(2)
  void bootStartsADaemonOnEveryHostOverSshAndARunUsesThem() throws Exception {
    LauncherRun boot = LauncherRun.runPlain("cluster", "boot", "--machines",
        VirtualCluster.machinesFile().toString()).expectExit(0);
    assertTrue(boot.out().matches("(?s)10\\.77\\.0\\.11 +MPJ daemon started: pid \\d+, port 40055,"
        + " log .*daemon-h1-40055\\.log\n10\\.77\\.0\\.12 +MPJ daemon started: .*"), boot.out());
    LauncherRun.runPlain("cluster", "status").expectExit(0);
    for (String host : List.of("h1", "h2")) {
      Optional<MpjDaemon> daemon = MpjDaemon.recall(MpjDaemon.pidFile(host, 40055), 40055);
      assertTrue(daemon.isPresent(), "the pid file of " + host + "'s daemon names it");
      VirtualCluster.Host target = VirtualCluster.host(host).orElseThrow();
      assertTrue(VirtualCluster.processesIn(target.namespace()).contains(daemon.get().pid()),
          host + "'s daemon runs inside " + host);
    }

    LauncherRun run = LauncherRun.run(work.resolve("berkeley"), "run", "berkeley", "-np", "4",
        "--device", "niodev", "--machines", VirtualCluster.machinesFile().toString(),
        "--spread-ms", "50");
    JsonNode json = run.completeJson();
    assertEquals(List.of("h1", "h1", "h2", "h2"), List.of(json.at("/rankHosts/0/host").asText(),
        json.at("/rankHosts/1/host").asText(), json.at("/rankHosts/2/host").asText(),
        json.at("/rankHosts/3/host").asText()), "two ranks on each booted host");
  }

  @Test
  @Order(3)
  void aHostThatCannotBeReachedIsNamedAndTheOthersStillBoot() throws Exception {
    Path machines = work.resolve("machines-with-a-missing-host");
    Files.writeString(machines, "10.77.0.11\n10.77.0.99\n");
    LauncherRun boot = LauncherRun.runPlain("cluster", "boot", "--machines", machines.toString(),
        "--ssh-config", SshHosts.clientConfig().toString()).expectExit(1);
    assertTrue(boot.out().contains("10.77.0.11               MPJ daemon already running"),
        boot.out());
    assertTrue(boot.out().matches("(?s).*10\\.77\\.0\\.99 +FAILED: ssh: connect to host 10\\.77"
        + "\\.0\\.99 port 22: .*"), boot.out());
    assertEquals("mpjbench: cluster boot failed on 1 of 2 hosts: 10.77.0.99 (ssh -F "
        + SshHosts.clientConfig() + ")", boot.err().strip());
  }

  @Test
  @Order(4)
  void haltStopsEveryDaemonAndDownLeavesNothing() throws Exception {
    List<Long> daemonPids = new ArrayList<>();
    for (String host : List.of("h1", "h2")) {
      daemonPids.add(MpjDaemon.recall(MpjDaemon.pidFile(host, 40055), 40055).orElseThrow().pid());
    }
    LauncherRun halt = LauncherRun.runPlain("cluster", "halt", "--machines",
        VirtualCluster.machinesFile().toString()).expectExit(0);
    assertTrue(halt.out().matches("(?s)10\\.77\\.0\\.11 +MPJ daemon stopped: pid \\d+, port 40055"
        + "\n10\\.77\\.0\\.12 +MPJ daemon stopped: .*"), halt.out());
    for (String host : List.of("h1", "h2")) {
      VirtualCluster.Host target = VirtualCluster.host(host).orElseThrow();
      // The ssh session that ran the halt may still be closing (its own sshd child): a moment.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (VirtualCluster.processesIn(target.namespace()).size() > 1
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(List.of(target.sshdPid()), VirtualCluster.processesIn(target.namespace()),
          "only the sshd is left on " + host);
      assertFalse(Files.exists(MpjDaemon.pidFile(host, 40055)), "pid file of " + host);
    }
    for (long pid : daemonPids) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "daemon " + pid);
    }

    LauncherRun.runPlain("cluster", "down").expectExit(0);
    for (ProcessHandle sshd : sshds) {
      sshd.onExit().get(10, TimeUnit.SECONDS);
    }
    assertTrue(VirtualCluster.ourNamespaces().isEmpty(), "namespaces left after down");
    assertFalse(Files.exists(SshHosts.folder()), "keys and sshd configurations left after down");
    assertFalse(Files.exists(VirtualCluster.stateDirectory()), "state left after down");
  }
}
