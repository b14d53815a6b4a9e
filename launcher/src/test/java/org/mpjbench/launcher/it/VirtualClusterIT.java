package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mpjbench.launcher.cluster.VirtualCluster;
import org.mpjbench.launcher.mpj.MpjDaemon;

/**
 * Two test hosts on this machine (network namespaces h1, h2 and a server host srv, joined by a
 * bridge, an MPJ daemon in each), built and removed with {@code mpjbench cluster up/down} as root:
 * Berkeley and the download kernel run across them in niodev, with the line server on its own host
 * and one connection per address; then the faults: a host whose daemon is missing, a host whose
 * link is cut in the middle of a run. Skipped (with the reason) when not root, since namespaces
 * need it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VirtualClusterIT {
  /** Every host's MPJ daemon and sshd, which down must stop. */
  private static final List<ProcessHandle> hostProcesses = new ArrayList<>();

  /**
   * What every test host must see (served files, result folders, the standalone runs' working
   * folder): under the build folder, which the hosts share as they would an NFS home. Their /tmp
   * is their own, as a real host's is.
   */
  private static Path work;

  @BeforeAll
  static void up() throws java.io.IOException {
    work = ClusterFixture.assumeClusterCanComeUp("virtual-cluster-");
    LauncherRun up = LauncherRun.runPlain("cluster", "up", "--hosts", "2").expectExit(0);
    assertTrue(up.out().contains("h1   10.77.0.11"), up.out());
    assertTrue(up.out().contains("h2   10.77.0.12"), up.out());
    VirtualCluster.State state = VirtualCluster.recall().orElseThrow();
    for (VirtualCluster.Host host : state.hosts()) {
      hostProcesses.add(ProcessHandle.of(host.daemonPid()).orElseThrow());
      hostProcesses.add(ProcessHandle.of(host.sshdPid()).orElseThrow());
    }
    hostProcesses.add(ProcessHandle.of(state.server().sshdPid()).orElseThrow());
  }

  @AfterAll
  static void cleanUp() throws java.io.IOException {
    if (VirtualCluster.isRoot() && !hostProcesses.isEmpty()) {
      // Normally a no-op: the last test removed everything; this covers a failed test.
      LauncherRun.runPlain("cluster", "down");
    }
    ClusterFixture.deleteTree(work);
  }

  @Test
  @Order(10)
  void downRemovesEverythingAndAnInterruptedUpLeavesNothing() throws Exception {
    LauncherRun down = LauncherRun.runPlain("cluster", "down").expectExit(0);
    assertTrue(down.out().contains("removed host h1"), down.out());
    assertTrue(VirtualCluster.ourNamespaces().isEmpty(), "namespaces left after down");
    assertFalse(Files.exists(VirtualCluster.stateDirectory()), "state left after down");
    assertFalse(Files.exists(Path.of("/etc/netns/mpjb-h1")), "/etc/netns entry left");
    for (ProcessHandle daemon : hostProcesses) {
      daemon.onExit().get(10, TimeUnit.SECONDS);
      assertFalse(daemon.isAlive(), "daemon or sshd left running");
    }
    assertEquals(1, LauncherRun.runPlain("cluster", "status").exitCode(), "status after down");

    // SIGTERM to an 'up' half way (first daemon started): it removes what it had made.
    Process up = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "org.mpjbench.launcher.Main",
        "cluster", "up", "--hosts", "2").redirectErrorStream(true)
        .redirectOutput(work.resolve("up.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<Long> firstDaemon = List.of();
    while (firstDaemon.isEmpty() && System.nanoTime() < deadline && up.isAlive()) {
      Thread.sleep(50);
      firstDaemon = VirtualCluster.processesIn("mpjb-h1");
    }
    assertFalse(firstDaemon.isEmpty(), "the interrupted up got as far as a daemon: "
        + Files.readString(work.resolve("up.log")));
    up.destroy();
    assertTrue(up.waitFor(60, TimeUnit.SECONDS), "up ends after SIGTERM");
    assertTrue(VirtualCluster.ourNamespaces().isEmpty(), "namespaces left by an interrupted up");
    assertFalse(Files.exists(VirtualCluster.stateDirectory()), "state left by an interrupted up");
    String links = new String(new ProcessBuilder("ip", "-o", "link", "show").start()
        .getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertFalse(links.contains(VirtualCluster.PREFIX), "links left by an interrupted up: " + links);
    for (long pid : firstDaemon) {
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "process " + pid + " left by an interrupted up");
    }
  }

  @Test
  @Order(1)
  void statusShowsEveryHostAndDaemon() {
    LauncherRun status = LauncherRun.runPlain("cluster", "status").expectExit(0);
    assertTrue(status.out().matches("(?s).*h1 +10\\.77\\.0\\.11 +mpjb-h1 +up +up +answering.*"),
        status.out());
    assertTrue(status.out().matches("(?s).*h2 +10\\.77\\.0\\.12 +mpjb-h2 +up +up +answering.*"),
        status.out());
    assertTrue(status.out().contains("srv  10.77.0.2"), status.out());
    LauncherRun again = LauncherRun.runPlain("cluster", "up", "--hosts", "2").expectExit(2);
    assertTrue(again.err().contains("already up"), again.err());
  }

  @Test
  @Order(1)
  void everyHostHasItsOwnTmpAsARealHostDoes() {
    String probe = "/tmp/mpjbench-probe-" + ProcessHandle.current().pid();
    assertEquals(0, LauncherRun.runPlain("cluster", "exec", "h1", "--", "sh", "-c",
        "echo h1 > " + probe).exitCode());
    assertEquals(0, LauncherRun.runPlain("cluster", "exec", "h1", "--", "test", "-e", probe)
        .exitCode(), "the file stays in h1's /tmp from one command to the next");
    assertEquals(1, LauncherRun.runPlain("cluster", "exec", "h2", "--", "test", "-e", probe)
        .exitCode(), "h2 does not see h1's /tmp");
    assertFalse(Files.exists(Path.of(probe)), "this machine does not see h1's /tmp");
  }

  @Test
  @Order(2)
  void berkeleyAcrossTwoHosts() throws Exception {
    LauncherRun run = LauncherRun.run(work.resolve("berkeley"), "run", "berkeley", "-np", "2",
        "--device", "niodev", "--machines", VirtualCluster.machinesFile().toString(),
        "--spread-ms", "50").expectExit(0);
    JsonNode json = run.json();
    assertEquals("h1", json.at("/rankHosts/0/host").asText(), "rank 0 runs on host h1");
    assertEquals("h2", json.at("/rankHosts/1/host").asText(), "rank 1 runs on host h2");
    assertTrue(json.at("/result/summary/initialSkewNanos").asLong() > 1_000_000);
    long finalSkew = json.at("/result/summary/finalSkewNanos").asLong();
    // Across hosts the guarantee is round-trip compensation's: each estimate is off by at most
    // half the round trip it used, so two clocks end at most the two halves apart (plus the drift
    // while the round ran). On a quiet machine that is tens of microseconds; under load, more.
    JsonNode last = json.at("/result/rounds").get(json.at("/result/rounds").size() - 1);
    List<Long> halves = new ArrayList<>();
    last.path("roundTripNanos").forEach(rtt -> halves.add(rtt.asLong() / 2));
    halves.sort(java.util.Comparator.reverseOrder());
    double driftNanos = 2e-6 * json.at("/parameters/driftPpm").asDouble()
        * last.path("durationNanos").asLong();
    double bound = halves.get(0) + (halves.size() > 1 ? halves.get(1) : 0) + driftNanos + 1;
    assertTrue(finalSkew <= bound, "final true skew " + finalSkew + " ns, bound " + bound
        + " ns from the last round's round trips " + last.path("roundTripNanos"));
    assertTrue(finalSkew * 10 < json.at("/result/summary/initialSkewNanos").asLong(),
        "skew cut at least tenfold: " + json.at("/result/summary"));
  }

  @Test
  @Order(3)
  void downloadAcrossTwoHostsFromALineServerOnItsOwnHost() throws Exception {
    Path served = work.resolve("served.txt");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      text.append("line ").append(i).append(" of the file on host srv\n");
    }
    Files.writeString(served, text, StandardCharsets.UTF_8);
    Path ready = work.resolve("server.ready");
    VirtualCluster.Host srv = VirtualCluster.host(VirtualCluster.SERVER_HOST).orElseThrow();
    List<String> command = new ArrayList<>(VirtualCluster.inHost(srv, false));
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.mpjbench.launcher.Main",
        "line-server", "--bind", srv.address(), "--file", served.toString(),
        "--rate-per-second", "250", "--max-connections-per-address", "1",
        "--ready-file", ready.toString()));
    Process server = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("server.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(ready) && System.nanoTime() < deadline && server.isAlive()) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(ready), "line server ready: " + Files.readString(
          work.resolve("server.log")));
      String address = Files.readString(ready).strip();
      assertTrue(address.startsWith(srv.address() + ":"), address);
      Path results = work.resolve("download");
      LauncherRun run = LauncherRun.run(results, "run", "download", "-np", "2", "--device",
          "niodev", "--machines", VirtualCluster.machinesFile().toString(), "--server", address,
          "--lines", "200", "--rate-per-second", "250").expectExit(0);
      JsonNode json = run.json();
      assertTrue(json.at("/result/accepted").asBoolean(), json.at("/result/verdict").asText());
      Path copy = run.resultFile().resolveSibling(json.at("/artifacts/file.txt").asText());
      assertEquals(Files.mismatch(served, copy), -1L, "the copy is byte-identical");
      assertEquals("h2", json.at("/rankHosts/1/host").asText());
      // One connection per address held: both ranks got lines, each over its own host's address.
      for (JsonNode rank : json.at("/result/ranks")) {
        assertTrue(rank.path("linesReceived").asLong() > 0, rank.toString());
      }
    } finally {
      server.destroy();
      assertTrue(server.waitFor(20, TimeUnit.SECONDS), "line server stops on SIGTERM");
    }
    String log = Files.readString(work.resolve("server.log"));
    // Both ranks connected, from two addresses: with one connection per address, none refused.
    assertTrue(log.contains("(0 refused") && log.contains("submissions 1 OK"), log);
  }

  @Test
  @Order(4)
  void berkeleyAndTheDownloadAcrossTwoHostsUnderMpjsOwnStarter() throws Exception {
    List<String> niodev = List.of("-np", "4", "-dev", "niodev", "-machinesfile",
        VirtualCluster.machinesFile().toString());
    Path results = work.resolve("standalone");
    StandaloneIT.Standalone berkeley = StandaloneIT.mpjrun(work, niodev, "berkeley",
        "--spread-ms", "50", "--results", results.toString());
    assertTrue(berkeley.out().contains("berkeley: 4 ranks, niodev"), berkeley.out());
    JsonNode json = StandaloneIT.onlyResult(results, "berkeley");
    assertEquals("complete", json.get("status").asText(), berkeley.out());
    assertEquals(List.of("h1", "h1", "h2", "h2"), List.of(json.at("/rankHosts/0/host").asText(),
        json.at("/rankHosts/1/host").asText(), json.at("/rankHosts/2/host").asText(),
        json.at("/rankHosts/3/host").asText()), "two ranks on each host");
    assertTrue(json.at("/result/summary/finalSkewNanos").asLong() * 10
        < json.at("/result/summary/initialSkewNanos").asLong(), json.at("/result/summary")
        .toString());

    StandaloneIT.Standalone download = StandaloneIT.mpjrun(work, niodev, "download", "--lines",
        "300", "--results", results.toString());
    assertTrue(download.out().contains("byte-identical to the served file"), download.out());
    json = StandaloneIT.onlyResult(results, "download");
    assertEquals("complete", json.get("status").asText(), download.out());
    // Rank 0's line server listens on h1's address, which the ranks on h2 reach.
    assertEquals("10.77.0.11", json.at("/parameters/serverHost").asText());
    assertTrue(json.at("/result/accepted").asBoolean(), json.get("result").toString());
    // The daemons started the rank JVMs: none is left under them.
    for (ProcessHandle daemon : hostProcesses) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (daemon.descendants().findAny().isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertEquals(List.of(), daemon.descendants().map(ProcessHandle::info).toList(),
          "rank JVMs left under daemon " + daemon.pid());
    }
  }

  @Test
  @Order(6)
  void aRankThatCannotStartIsReportedWithItsDaemonsReason() throws Exception {
    // The launcher works in a folder of this machine's /tmp, which no test host has: their
    // daemons cannot start a rank there, and say so only in their logs.
    Path outside = Files.createTempDirectory("mpjbench-not-on-the-hosts-");
    try {
      Path log = work.resolve("no-wdir.log");
      Process launcher = Processes.launcher("run", "berkeley", "-np", "2", "--device", "niodev",
          "--machines", VirtualCluster.machinesFile().toString(), "--results",
          work.resolve("no-wdir").toString(), "--startup-timeout-s", "15")
          .directory(outside.toFile()).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
      assertTrue(launcher.waitFor(120, TimeUnit.SECONDS), "the run ended");
      String printed = Files.readString(log);
      assertEquals(1, launcher.exitValue(), printed);
      assertTrue(printed.contains("did not start within 15 s: the MPJ daemon on h"), printed);
      assertTrue(printed.contains("Cannot run program"), printed);
      assertTrue(printed.contains(outside.toString()), printed);
    } finally {
      Files.deleteIfExists(outside);
    }
  }

  @Test
  @Order(5)
  void aHostWhoseLinkIsCutEndsTheRunNamingRankAndHost() throws Exception {
    VirtualCluster.Host h1 = VirtualCluster.host("h1").orElseThrow();
    VirtualCluster.Host h2 = VirtualCluster.host("h2").orElseThrow();
    Path results = work.resolve("cut");
    Path trace = work.resolve("cut.trace");
    java.util.concurrent.CompletableFuture<LauncherRun> running =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return LauncherRun.run(results, "run", "berkeley", "-np", "2", "--device", "niodev",
                "--machines", VirtualCluster.machinesFile().toString(), "--rounds", "10000",
                "--interval-ms", "20", "--silence-timeout-s", "4", "--trace", trace.toString());
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    // Cut once rounds are under way: the trace file shows their progress records.
    Processes.awaitTraceEvent(trace, "progress", 1, Duration.ofSeconds(60),
        () -> !running.isDone());
    assertEquals(2, besidesSshd(h2).size(), "daemon and rank on h2");
    LauncherRun.runPlain("cluster", "link", "h2", "down").expectExit(0);
    long cutNanos = System.nanoTime();
    LauncherRun run;
    try {
      run = running.get(60, TimeUnit.SECONDS);
    } finally {
      LauncherRun.runPlain("cluster", "link", "h2", "up").expectExit(0);
    }
    double endedAfterSeconds = (System.nanoTime() - cutNanos) / 1e9;
    run.expectExit(1);
    assertTrue(run.err().contains("rank 1 on host h2 has been silent"), run.err());
    assertTrue(endedAfterSeconds < 4 + 10, "ended " + endedAfterSeconds + " s after the cut");
    JsonNode json = run.json();
    assertEquals("failed", json.get("status").asText());
    assertTrue(json.get("partial").asBoolean());
    assertTrue(json.at("/partialRecords").size() > 0, "rounds before the cut are kept");
    assertEquals("h2", json.at("/error/host").asText(), json.at("/error").toString());
    // Rank 0 was aborted; rank 1, cut off, halts by itself after the same silence.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((besidesSshd(h1).size() > 1 || besidesSshd(h2).size() > 1)
        && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(List.of(h1.daemonPid()), besidesSshd(h1));
    assertEquals(List.of(h2.daemonPid()), besidesSshd(h2));
    LauncherRun.runPlain("cluster", "status").expectExit(0);
  }

  @Test
  @Order(9)
  void aHostWithoutItsDaemonStopsTheRunBeforeAnyRankStarts() throws Exception {
    VirtualCluster.Host h2 = VirtualCluster.host("h2").orElseThrow();
    ProcessHandle daemon = ProcessHandle.of(h2.daemonPid()).orElseThrow();
    daemon.destroy();
    daemon.onExit().get(10, TimeUnit.SECONDS);
    assertFalse(MpjDaemon.isListening(h2.address(), MpjDaemon.DEFAULT_PORT, Duration.ofSeconds(1)));
    long startNanos = System.nanoTime();
    Path results = work.resolve("no-daemon");
    LauncherRun run = LauncherRun.run(results, "run", "berkeley", "-np", "2", "--device",
        "niodev", "--machines", VirtualCluster.machinesFile().toString()).expectExit(1);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    assertTrue(run.err().contains("no MPJ daemon answers at 10.77.0.12:40055"), run.err());
    assertTrue(seconds < 20, "refused after " + seconds + " s");
    assertNull(run.resultFile(), "no rank started, so no result was written");
    VirtualCluster.Host h1 = VirtualCluster.host("h1").orElseThrow();
    assertEquals(List.of(h1.daemonPid()), besidesSshd(h1),
        "only h1's daemon runs on h1: no rank was started");
    LauncherRun status = LauncherRun.runPlain("cluster", "status");
    assertEquals(1, status.exitCode(), status.out());
    assertTrue(status.out().matches("(?s).*h2 .*NOT answering.*"), status.out());
  }

  /** The processes running on {@code host} other than its sshd. */
  static List<Long> besidesSshd(VirtualCluster.Host host) {
    return VirtualCluster.processesIn(host.namespace()).stream()
        .filter(pid -> pid != host.sshdPid()).toList();
  }
}
