package org.mpjbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.program.RankProgram;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The rank program of {@code mpjbench bench}: rank 0 runs JMH in-process ({@code forks(0)}) over
 * the chosen benchmarks and returns JMH's JSON as the artifact {@value #JMH_ARTIFACT}; every other
 * rank follows rank 0's operations ({@link Lockstep}) until JMH is done. JMH runs twice: once over
 * the session benchmarks and baselines, once over the kernel cases ({@link KernelRunBenchmark},
 * with iterations of their own), and the two result arrays are joined. A failing check (a {@code
 * @TearDown}, or a kernel's property) fails the run.
 */
public final class BenchProgram implements RankProgram<BenchResult> {
  /** The JMH JSON artifact's name. */
  public static final String JMH_ARTIFACT = "jmh.json";
  /**
   * The OSU-style sweep's artifact: {@code {"ranks":K,"device":...,"rows":[{"operation",
   * "bytes","iterations","medianUs","p99Us","mbPerSecond"}...]}}, when the sweep ran.
   */
  public static final String SIZES_ARTIFACT = "sizes.json";

  private static final Map<String, Class<?>> BENCHMARKS = Map.of(
      "berkeley-round", BerkeleyRoundBenchmark.class,
      "download", DownloadBenchmark.class,
      "ping-pong", PingPongBenchmark.class,
      "allreduce", AllreduceBenchmark.class);

  private final BenchParameters parameters;

  /** A program that runs with these parameters. */
  public BenchProgram(BenchParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public BenchResult run(RankContext context) throws Exception {
    Lockstep lockstep =
        Lockstep.install(context.comm(), context.rank(), context.size(), parameters);
    if (!context.isRoot()) {
      lockstep.follow();
      return null;
    }
    // One JMH per JVM holds a lock file in the temporary folder; a second (another run, or a
    // test) would fail on it, and in-process runs have nothing to protect with it.
    System.setProperty("jmh.ignoreLock", "true");
    ArrayNode results = OpCodec.mapper().createArrayNode();
    List<String> session = new ArrayList<>();
    for (String name : parameters.sessionBenchmarks()) {
      if (!(name.equals("ping-pong") && context.size() < 2)) { // a round trip needs a partner
        session.add(include(BENCHMARKS.get(name)));
      }
    }
    if (!session.isEmpty()) {
      results.addAll(jmh(options(context.size(), parameters.sessionIterations(), session)));
    }
    if (parameters.sizeSweep()) {
      // One shot: the sweep times its iterations itself; JMH's score is its duration, dropped.
      jmh(options(context.size(), new BenchParameters.Iterations(0, 1, 50),
          List.of(include(SizesBenchmark.class))).timeout(TimeValue.hours(2)));
      context.artifacts().accept(SIZES_ARTIFACT, OpCodec.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(lockstep.state().trial(SizeSweep.Table.class)));
    }
    String[] kernels = parameters.kernelCases().stream()
        .filter(kernel -> kernel.minRanks() <= context.size())
        .map(KernelCase::benchmarkName).toArray(String[]::new);
    if (kernels.length > 0) {
      results.addAll(jmh(options(context.size(), parameters.kernelIterations(),
          List.of(include(KernelRunBenchmark.class)))
          .param("kernel", kernels)));
    }
    // Only now, with every rank back in Lockstep.follow: after a failure the followers may still
    // be inside a kernel's collective, where the Stop broadcast would block rank 0 for good. Rank 0
    // fails instead, and the launcher's abort ends every rank.
    lockstep.stop();
    byte[] data = OpCodec.mapper().writerWithDefaultPrettyPrinter()
        .writeValueAsBytes(results);
    context.artifacts().accept(JMH_ARTIFACT, data);
    return new BenchResult(scores(results));
  }

  /** Runs JMH with {@code options} and returns its JSON results; a failure throws. */
  private static ArrayNode jmh(ChainedOptionsBuilder options) throws IOException {
    Path json = Files.createTempFile("mpjbench-jmh-", ".json");
    try {
      try {
        new Runner(options.resultFormat(ResultFormatType.JSON).result(json.toString()).build())
            .run();
      } catch (RunnerException e) {
        // JMH wraps a failing check several levels deep; say what the check said.
        throw new IllegalStateException("JMH: " + rootMessage(e), e);
      }
      JsonNode results = OpCodec.mapper().readTree(json.toFile());
      if (!(results instanceof ArrayNode array)) {
        throw new IllegalStateException("JMH wrote no JSON array of results to " + json);
      }
      return array;
    } finally {
      Files.deleteIfExists(json);
    }
  }

  /** JMH's include pattern for every benchmark method of {@code benchmark}. */
  private static String include(Class<?> benchmark) {
    return "^" + benchmark.getName().replace(".", "\\.") + "\\.";
  }

  private ChainedOptionsBuilder options(int size, BenchParameters.Iterations iterations,
      List<String> includes) {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .forks(0)
        .threads(1)
        .warmupIterations(iterations.warmup())
        .warmupTime(TimeValue.milliseconds(iterations.millis()))
        .measurementIterations(iterations.measured())
        .measurementTime(TimeValue.milliseconds(iterations.millis()))
        .timeout(TimeValue.seconds(120))
        .shouldFailOnError(true)
        .param("ranks", Integer.toString(size))
        .param("device", parameters.device())
        .param("toleranceUs", Long.toString(Math.round(parameters.berkeleyToleranceUs())))
        .param("lines", Integer.toString(parameters.downloadLines()))
        .param("ratePerSecond", Double.toString(parameters.downloadRatePerSecond()));
    includes.forEach(options::include);
    return options;
  }

  /**
   * The message of the first exception our own code threw, searched through causes and suppressed.
   */
  static String rootMessage(Throwable failure) {
    java.util.ArrayDeque<Throwable> queue = new java.util.ArrayDeque<>(List.of(failure));
    java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(
        new java.util.IdentityHashMap<>());
    while (!queue.isEmpty()) {
      Throwable next = queue.removeFirst();
      if (!seen.add(next)) {
        continue;
      }
      StackTraceElement[] trace = next.getStackTrace();
      if (trace.length > 0 && trace[0].getClassName().startsWith("org.mpjbench.")
          && next.getMessage() != null) {
        return next.getMessage();
      }
      if (next.getCause() != null) {
        queue.addLast(next.getCause());
      }
      queue.addAll(List.of(next.getSuppressed()));
    }
    return String.valueOf(failure.getMessage());
  }

  private static List<BenchResult.Score> scores(JsonNode results) {
    List<BenchResult.Score> scores = new ArrayList<>();
    for (JsonNode entry : results) {
      JsonNode metric = entry.path("primaryMetric");
      String name = entry.path("benchmark").asText();
      JsonNode kernel = entry.path("params").path("kernel");
      scores.add(new BenchResult.Score(kernel.isTextual() ? name + ":" + kernel.asText() : name,
          metric.path("score").asDouble(Double.NaN), metric.path("scoreError").asDouble(Double.NaN),
          metric.path("scoreUnit").asText()));
    }
    return scores;
  }
}
