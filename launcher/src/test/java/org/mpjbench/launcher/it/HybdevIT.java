package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.launcher.mpj.MpjDaemon;
import org.mpjbench.launcher.mpj.MpjHome;

/**
 * MPJ Express's hybdev device, what clusters of multicore hosts use: the ranks of a host are
 * threads of one JVM that its daemon starts. Every kernel on 4 ranks through the launcher (which
 * starts a daemon on this host for the run), with its property checked; Berkeley under MPJ's own
 * {@code mpjrun.sh -dev hybdev} through a daemon the test starts and stops. The kernels' wildcard
 * probes ask each rank in turn there, as hybdev cannot probe {@code ANY_SOURCE} (see {@code
 * kernels.mpi.Probe}).
 */
class HybdevIT {
  @TempDir Path tmp;

  static List<String> kernels() {
    return StandaloneIT.kernels().toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void everyKernelRunsOnFourRanksInOneDaemonStartedJvm(String kernel) throws Exception {
    LauncherRun run = LauncherRun.run(tmp.resolve("results"), "run", kernel, "-np", "4",
        "--device", "hybdev");
    JsonNode json = run.completeJson();
    assertEquals("hybdev", json.get("device").asText());
    Set<Long> jvms = new HashSet<>();
    json.get("rankHosts").forEach(rank -> jvms.add(rank.get("pid").asLong()));
    assertEquals(1, jvms.size(), "the 4 ranks are threads of one JVM: " + json.get("rankHosts"));
    assertFalse(jvms.contains(ProcessHandle.current().pid()));
    JsonNode holds = json.at("/result/check/holds");
    if (!holds.isMissingNode()) {
      assertTrue(holds.asBoolean(), json.get("result").toString());
    }
  }

  @Test
  void berkeleyUnderMpjsOwnStarter() throws Exception {
    int port = Processes.freePort();
    MpjDaemon daemon =
        MpjDaemon.start(MpjHome.resolve(null), port, false, tmp.resolve("daemon.log"));
    try {
      Path machines = Files.writeString(tmp.resolve("machines"), "localhost\n");
      Path results = tmp.resolve("standalone");
      StandaloneIT.Standalone run = StandaloneIT.mpjrun(tmp, List.of("-np", "4", "-dev",
          "hybdev", "-machinesfile", machines.toString(), "-dport", Integer.toString(port)),
          "berkeley", "--results", results.toString());
      assertTrue(run.out().contains("berkeley: 4 ranks, hybdev"), run.out());
      JsonNode json = StandaloneIT.onlyResult(results, "berkeley");
      assertEquals("complete", json.get("status").asText());
      assertTrue(json.at("/result/summary/finalSkewNanos").asLong() * 10
          < json.at("/result/summary/initialSkewNanos").asLong());
    } finally {
      daemon.stop();
    }
  }
}
