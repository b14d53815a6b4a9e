package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.launcher.mpj.MpjHome;

/**
 * Every kernel under MPJ Express's own starter, with no mpjbench launcher in the loop: {@code
 * $MPJ_HOME/bin/mpjrun.sh -np 4 -dev multicore -jar mpjbench-ranks.jar KERNEL}, the script that
 * {@code scripts/setup} puts in the MPJ home. Rank 0 prints the summary and writes a result file whose fields are
 * those of the launcher's for the same kernel; {@code plot} draws from those files; a rank that
 * throws, a violated property and a hung rank end within a bounded time, on one line, with no
 * JVM left behind.
 */
class StandaloneIT {
  /** Longest a standalone run of the tests may take, start-up included. */
  private static final Duration RUN_BOUND = Duration.ofSeconds(120);

  @TempDir Path tmp;

  static Path ranksJar() {
    Path repo = Path.of(System.getProperty("mpjbench.repo", "..")).toAbsolutePath().normalize();
    return repo.resolve("kernels/target/mpjbench-ranks.jar");
  }

  /**
   * What a standalone run printed, how its starter ended, how long it took, and the processes the
   * starter started (the rank JVM in multicore; none in niodev, whose daemons start the ranks).
   */
  record Standalone(int exit, String out, Duration took, Set<ProcessHandle> rankJvms) {}

  /** Runs {@code mpjrun.sh -np RANKS -dev multicore -jar mpjbench-ranks.jar ARGS} in {@code folder}. */
  static Standalone standalone(Path folder, int ranks, String... args) throws Exception {
    Standalone run = mpjrun(folder, List.of("-np", Integer.toString(ranks), "-dev", "multicore"),
        args);
    assertFalse(run.rankJvms().isEmpty(), "the starter started no rank JVM: " + run.out());
    return run;
  }

  /**
   * Runs {@code $MPJ_HOME/bin/mpjrun.sh MPJ_OPTIONS -jar mpjbench-ranks.jar ARGS} in {@code
   * folder} and waits for it (bounded); every rank JVM the starter started itself (multicore) has
   * ended when it returns.
   */
  static Standalone mpjrun(Path folder, List<String> mpjOptions, String... args) throws Exception {
    Path home = MpjHome.resolve(null).path();
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/mpjrun.sh").toString()));
    command.addAll(mpjOptions);
    command.addAll(List.of("-jar", ranksJar().toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectErrorStream(true);
    builder.environment().remove("MPJ_HOME"); // the script finds the home it lives in
    long start = System.nanoTime();
    Process process = builder.start();
    // The rank JVM the starter starts, seen while it runs: none may outlive the run.
    Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    Thread watcher = new Thread(() -> {
      while (process.isAlive()) {
        process.descendants().forEach(seen::add);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();
    // Read beside the wait, so that a starter that never ends cannot hold the test past its bound.
    java.util.concurrent.CompletableFuture<byte[]> output =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return process.getInputStream().readAllBytes();
          } catch (IOException e) {
            return ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
          }
        });
    boolean ended = process.waitFor(RUN_BOUND.toSeconds(), TimeUnit.SECONDS);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    watcher.join();
    String printed = new String(output.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    assertTrue(ended, "the starter did not end within " + RUN_BOUND + "; it printed:\n" + printed);
    for (ProcessHandle rankJvm : seen) {
      rankJvm.onExit().get(5, TimeUnit.SECONDS);
    }
    return new Standalone(process.exitValue(), printed,
        Duration.ofNanos(System.nanoTime() - start), Set.copyOf(seen));
  }

  static Stream<String> kernels() {
    return Kernels.all().stream().map(KernelDescriptor::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kernels")
  void everyKernelWritesTheLaunchersResultUnderMpjsOwnStarter(String kernel) throws Exception {
    Path standaloneResults = tmp.resolve("standalone");
    Files.createDirectories(standaloneResults);
    Standalone run = standalone(tmp, 4, kernel, "--results", standaloneResults.toString());
    assertTrue(run.out().contains(kernel + ": 4 ranks, multicore"), run.out());
    assertFalse(run.out().contains("FAILED"), run.out());
    JsonNode standalone = onlyResult(standaloneResults, kernel);
    assertEquals("complete", standalone.get("status").asText(), run.out());
    assertTrue(run.out().contains("  result        "), run.out());

    LauncherRun launcher = LauncherRun.run(tmp.resolve("launcher"), "run", kernel, "-np", "4");
    JsonNode launched = launcher.completeJson();
    assertEquals(paths(launched), paths(standalone),
        "the standalone result has the launcher's fields");
    assertEquals(launched.get("parameters").size(), standalone.get("parameters").size());
    JsonNode check = standalone.at("/result/check/holds");
    if (!check.isMissingNode()) {
      assertTrue(check.asBoolean(), standalone.get("result").toString());
    }
  }

  @Test
  void plotDrawsTheUsualChartsFromStandaloneResults() throws Exception {
    Path results = tmp.resolve("results");
    Files.createDirectories(results);
    for (List<String> kernel : List.of(List.of("berkeley"), List.of("download", "--lines",
        "200"), List.of("ring"))) {
      for (int ranks : new int[] {1, 2}) {
        List<String> args = new ArrayList<>(kernel);
        args.addAll(List.of("--results", results.toString()));
        Standalone run = standalone(tmp, ranks, args.toArray(String[]::new));
        assertFalse(run.out().contains("FAILED"), run.out());
      }
    }
    Path plots = tmp.resolve("plots");
    LauncherRun plot = LauncherRun.runPlain("plot", "--out", plots.toString(), results.toString());
    plot.expectExit(0);
    for (String chart : List.of("berkeley-skew.png", "download-lines-vs-time.png",
        "download-speedup.png", "kernels-messages.png", "kernels-latency.png")) {
      assertTrue(Files.size(plots.resolve(chart)) > 1_000, chart + ": " + plot.out());
    }

    // The sweep's table, CSV and charts of the same files, without running anything.
    Path summary = tmp.resolve("summary");
    LauncherRun sweep = LauncherRun.runPlain("sweep", "--from", results.toString(), "--results",
        summary.toString(), "--plots", tmp.resolve("plots-2").toString());
    sweep.expectExit(0);
    sweep.expectOut("6 runs read", "berkeley  runs  median final skew", "download  runs",
        "ring ");
    List<String> rows = Files.readAllLines(summary.resolve("sweep.csv"));
    assertEquals(7, rows.size(), String.join("\n", rows));
    assertTrue(rows.get(1).startsWith("berkeley,1,1,"), rows.get(1));
    assertTrue(rows.stream().skip(1).allMatch(row -> row.contains(",complete,")),
        String.join("\n", rows));
    assertTrue(Files.size(tmp.resolve("plots-2/berkeley-skew.png")) > 1_000);
  }

  @Test
  void aRankThatThrowsEndsTheRunAtOnceWithAFailedRecord() throws Exception {
    Failed failed = failedStandalone(3, "ring", "failed: rank 2 failed: IllegalStateException:"
        + " injected failure on rank 2", "--inject-fault", "2:fail", "--timeout-s", "60");
    assertTrue(failed.run().took().compareTo(Duration.ofSeconds(30)) < 0,
        "took " + failed.run().took());
    JsonNode record = failed.record();
    assertEquals("failed", record.get("status").asText());
    assertTrue(record.get("partial").asBoolean());
    assertEquals(2, record.at("/error/rank").asInt(), record.get("error").toString());
  }

  @Test
  void aViolatedPropertyIsOneFailedLineAndATypedVerdict() throws Exception {
    JsonNode record = failedStandalone(3, "suzuki-kasami",
        "failed: property violated: mutual exclusion", "--unsafe", "--hold-us", "5000",
        "--think-us", "50").record();
    assertEquals("failed", record.get("status").asText());
    assertFalse(record.at("/error/violation/holds").asBoolean(true), record.toString());
    assertTrue(record.at("/error/violation/detail").asText().contains("overlap"));
  }

  @Test
  void aHungRankIsEndedByTheTimeOut() throws Exception {
    Failed failed = failedStandalone(2, "ring", "timed-out: the run went over --timeout-s 3",
        "--inject-fault", "1:hang", "--timeout-s", "3");
    Duration took = failed.run().took();
    assertTrue(took.compareTo(Duration.ofSeconds(3)) > 0, "took " + took);
    assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "took " + took);
    assertEquals("timed-out", failed.record().get("status").asText());
  }

  /** A standalone run that failed, and its result record. */
  private record Failed(Standalone run, JsonNode record) {}

  /**
   * Runs {@code kernel} standalone on {@code ranks} ranks with {@code options} and a results
   * folder, expects exactly one FAILED line, {@code "FAILED: KERNEL FAILURE"}, and one result
   * record of the kernel.
   */
  private Failed failedStandalone(int ranks, String kernel, String failure, String... options)
      throws Exception {
    Path results = tmp.resolve("results");
    List<String> args = new ArrayList<>(List.of(kernel));
    args.addAll(List.of(options));
    args.addAll(List.of("--results", results.toString()));
    Standalone run = standalone(tmp, ranks, args.toArray(String[]::new));
    assertEquals(1, failedLines(run), run.out());
    assertTrue(run.out().contains("FAILED: " + kernel + " " + failure), run.out());
    return new Failed(run, onlyResult(results, kernel));
  }

  @Test
  void badInputIsOneLineAndNoResult() throws Exception {
    Path results = tmp.resolve("results");
    Standalone run = standalone(tmp, 2, "berkeley", "--rounds", "0", "--results",
        results.toString());
    assertTrue(run.out().contains("mpjbench-ranks: --rounds must be at least 1, got 0"),
        run.out());
    assertFalse(Files.exists(results), "no result folder for a run that never started");
    run = standalone(tmp, 2, "paxos");
    assertTrue(run.out().contains("mpjbench-ranks: unknown kernel 'paxos'; known kernels:"
        + " berkeley, download,"), run.out());
  }

  private static long failedLines(Standalone run) {
    return run.out().lines().filter(line -> line.contains("FAILED")).count();
  }

  static JsonNode onlyResult(Path results, String kernel) throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(results)) {
      files = listed.filter(p -> p.getFileName().toString().startsWith(kernel + "-")
          && p.getFileName().toString().endsWith(".json")).toList();
    }
    assertEquals(1, files.size(), "result files of " + kernel + ": " + files);
    return ResultWriter.mapper().readTree(files.get(0).toFile());
  }

  /** Every field's path in {@code node}, array elements as {@code []}. */
  private static TreeSet<String> paths(JsonNode node) {
    TreeSet<String> paths = new TreeSet<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String at, TreeSet<String> paths) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String path = at + "/" + (at.equals("/rankHosts") ? "N" : field.getKey());
        paths.add(path);
        collect(field.getValue(), path, paths);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, at + "[]", paths);
      }
    }
  }
}
