package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mpjbench.launcher.cluster.SlurmHosts;
import org.mpjbench.launcher.cluster.VirtualCluster;

/**
 * mpjbench as a batch job on a real Slurm: {@code cluster up --hosts 2 --no-daemons --slurm}
 * starts munged, slurmctld and a slurmd per test host; the real {@code sbatch} runs {@code
 * scripts/mpjbench.sbatch}, which boots the daemons over ssh on the job's own ports, runs across
 * the allocated nodes and halts them; a job cancelled with the real {@code scancel} mid-run keeps
 * its partial result, marked, and leaves no daemon or rank JVM on any node. Root only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmIT {
  private static Path submit;
  private static boolean up;

  @BeforeAll
  static void up() throws IOException {
    // The submit folder, which every host sees: under the build folder, in the shared checkout.
    submit = ClusterFixture.assumeClusterCanComeUp("slurm-");
    LauncherRun cluster = LauncherRun.runPlain("cluster", "up", "--hosts", "2", "--no-daemons",
        "--slurm").expectExit(0);
    up = true;
    assertTrue(cluster.out().contains("slurm: export SLURM_CONF=" + SlurmHosts.configuration()),
        cluster.out());
  }

  @AfterAll
  static void down() {
    if (up) {
      LauncherRun.runPlain("cluster", "down").expectExit(0);
      assertTrue(VirtualCluster.ourNamespaces().isEmpty(), "namespaces left after down");
    }
  }

  @Test
  @Order(1)
  void aJobRunsAcrossItsNodesAndLeavesItsResultInTheSubmitFolder() throws Exception {
    Command sbatch = slurm(List.of("sbatch", "--wait", "-N", "2", "--ntasks-per-node", "2",
        script().toString(), "run", "berkeley", "--rounds", "10", "--spread-ms", "50"), 240);
    int job = jobId(sbatch.output());
    String log = Files.readString(submit.resolve("mpjbench-" + job + ".out"));
    assertEquals(0, sbatch.exitCode(), sbatch.output() + "\n" + log);
    assertEquals(2, count(log, "MPJ daemon started"), log);
    assertEquals(2, count(log, "MPJ daemon stopped"), log);
    Path folder = submit.resolve("mpjbench-" + job);
    assertEquals("h1\nh2\n", Files.readString(folder.resolve("machines")));
    JsonNode json = StandaloneIT.onlyResult(folder.resolve("results"), "berkeley");
    assertEquals("complete", json.get("status").asText());
    assertEquals(4, json.get("ranks").asInt(), "-np is the job's task count");
    assertEquals(List.of("h1", "h1", "h2", "h2"), List.of(json.at("/rankHosts/0/host").asText(),
        json.at("/rankHosts/1/host").asText(), json.at("/rankHosts/2/host").asText(),
        json.at("/rankHosts/3/host").asText()));
    assertEquals(List.of(), javaOnTheHosts(), "no daemon or rank JVM is left on any node");
  }

  @Test
  @Order(2)
  void aCancelledJobKeepsItsPartialResultAndLeavesNothingRunning() throws Exception {
    Command sbatch = slurm(List.of("sbatch", "-N", "2", "--ntasks-per-node", "1",
        script().toString(), "run", "berkeley", "--rounds", "20000", "--interval-ms", "20"),
        30);
    assertEquals(0, sbatch.exitCode(), sbatch.output());
    int job = jobId(sbatch.output());
    // Cancel once the rank on the second node has run for 5 s: its first 2 s it waits for MPJ's
    // starter (StarterArgs.STARTER_GRACE), so then the run is well under way. (A rank that lost
    // MPJ's start-up race ends within a second and the launcher starts the job again: its first
    // appearance alone does not mean any round was made.)
    Duration underWay = Duration.ofSeconds(5);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!rankRunsOn("h2", underWay) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertTrue(rankRunsOn("h2", underWay), "a rank ran 5 s on h2: " + jobLog(job));
    assertEquals(0, slurm(List.of("scancel", Integer.toString(job)), 30).exitCode());
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String state = "";
    while (System.nanoTime() < deadline) {
      state = slurm(List.of("squeue", "-h", "-t", "all", "-j", Integer.toString(job), "-o",
          "%T"), 30).output().strip();
      if (!state.equals("RUNNING") && !state.equals("COMPLETING")) {
        break;
      }
      Thread.sleep(300);
    }
    assertEquals("CANCELLED", state, jobLog(job));
    String log = jobLog(job);
    assertTrue(log.contains("is being stopped (scancel or time limit)"), log);
    assertEquals(2, count(log, "MPJ daemon stopped"), log);
    JsonNode json = StandaloneIT.onlyResult(submit.resolve("mpjbench-" + job).resolve("results"),
        "berkeley");
    assertEquals("interrupted", json.get("status").asText(), log);
    assertTrue(json.get("partial").asBoolean());
    assertTrue(json.get("partialRecords").size() > 0, "rounds before scancel are kept");
    assertEquals(List.of(), javaOnTheHosts(), "no daemon or rank JVM is left on any node");
  }

  private record Command(int exitCode, String output) {}

  /** Runs a Slurm command of this machine against the test hosts' Slurm, in the submit folder. */
  private static Command slurm(List<String> command, int timeoutSeconds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(submit.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(SlurmHosts.environment());
    Process process = builder.start();
    java.util.concurrent.CompletableFuture<byte[]> output =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return process.getInputStream().readAllBytes();
          } catch (IOException e) {
            return new byte[0];
          }
        });
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within " + timeoutSeconds + " s");
    }
    return new Command(process.exitValue(), new String(output.get(5, TimeUnit.SECONDS),
        StandardCharsets.UTF_8));
  }

  private static Path script() {
    return Path.of(System.getProperty("mpjbench.repo", "..")).toAbsolutePath().normalize()
        .resolve("scripts").resolve("mpjbench.sbatch");
  }

  private static int jobId(String sbatchOutput) {
    Matcher id = Pattern.compile("Submitted batch job (\\d+)").matcher(sbatchOutput);
    assertTrue(id.find(), sbatchOutput);
    return Integer.parseInt(id.group(1));
  }

  private static String jobLog(int job) throws IOException {
    Path log = submit.resolve("mpjbench-" + job + ".out");
    return Files.exists(log) ? Files.readString(log) : "(no " + log + ")";
  }

  private static int count(String text, String fragment) {
    return text.split(Pattern.quote(fragment), -1).length - 1;
  }

  /** Whether a rank JVM (one started by an MPJ daemon) runs on the test host {@code name}. */
  /** Whether a rank JVM on host {@code name} has been running for {@code atLeast}. */
  private static boolean rankRunsOn(String name, Duration atLeast) {
    VirtualCluster.Host host = VirtualCluster.host(name).orElseThrow();
    java.time.Instant before = java.time.Instant.now().minus(atLeast);
    return VirtualCluster.processesIn(host.namespace()).stream()
        .map(ProcessHandle::of).flatMap(java.util.Optional::stream)
        .anyMatch(p -> p.info().commandLine().orElse("").contains("runtime.daemon.Wrapper")
            && p.info().startInstant().map(start -> start.isBefore(before)).orElse(false));
  }

  /** The Java processes on the test hosts (daemons, rank JVMs, launchers): none once jobs end. */
  private static List<String> javaOnTheHosts() throws InterruptedException {
    List<String> found = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    do {
      found.clear();
      for (VirtualCluster.Host host : VirtualCluster.recall().orElseThrow().hosts()) {
        VirtualCluster.processesIn(host.namespace()).stream().map(ProcessHandle::of)
            .flatMap(java.util.Optional::stream)
            .filter(p -> p.info().command().orElse("").endsWith("/java"))
            .forEach(p -> found.add(host.name() + ": " + p.info().commandLine().orElse("?")));
      }
      if (found.isEmpty()) {
        break;
      }
      Thread.sleep(300);
    } while (System.nanoTime() < deadline);
    return found;
  }
}
