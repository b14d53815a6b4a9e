package org.mpjbench.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.rank.RankContext;
import org.mpjbench.kernels.rank.RankProgram;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The rank program of {@code mpjbench bench}: rank 0 runs JMH in-process ({@code forks(0)}) over the
 * chosen benchmarks and returns JMH's JSON as the artifact {@value #JMH_ARTIFACT}; every other rank
 * follows rank 0's commands ({@link Lockstep}) until JMH is done. A failing check ({@code
 * @TearDown}) fails the run.
 */
public final class BenchProgram implements RankProgram<BenchResult> {
  /** The JMH JSON artifact's name. */
  public static final String JMH_ARTIFACT = "jmh.json";

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
    Path json = Files.createTempFile("mpjbench-jmh-", ".json");
    try {
      // One JMH per JVM holds a lock file in the temporary folder; a second (another run, or a
      // test) would fail on it, and in-process runs have nothing to protect with it.
      System.setProperty("jmh.ignoreLock", "true");
      try {
        new Runner(options(context.size(), json).build()).run();
      } catch (RunnerException e) {
        // JMH wraps a failing check several levels deep; say what the check said.
        throw new IllegalStateException("JMH: " + rootMessage(e), e);
      }
      byte[] data = Files.readAllBytes(json);
      context.artifacts().accept(JMH_ARTIFACT, data);
      return new BenchResult(scores(data));
    } finally {
      lockstep.stop();
      Files.deleteIfExists(json);
    }
  }

  private ChainedOptionsBuilder options(int size, Path json) {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .forks(0)
        .threads(1)
        .warmupIterations(parameters.warmupIterations())
        .warmupTime(TimeValue.milliseconds(parameters.iterationMillis()))
        .measurementIterations(parameters.measurementIterations())
        .measurementTime(TimeValue.milliseconds(parameters.iterationMillis()))
        .timeout(TimeValue.seconds(120))
        .shouldFailOnError(true)
        .param("ranks", Integer.toString(size))
        .param("device", parameters.device())
        .param("toleranceUs", Long.toString(Math.round(parameters.berkeleyToleranceUs())))
        .param("lines", Integer.toString(parameters.downloadLines()))
        .param("ratePerSecond", Double.toString(parameters.downloadRatePerSecond()))
        .resultFormat(ResultFormatType.JSON)
        .result(json.toString());
    for (String name : parameters.benchmarks()) {
      if (name.equals("ping-pong") && size < 2) {
        continue; // a round trip needs a partner
      }
      options.include("^" + BENCHMARKS.get(name).getName().replace(".", "\\.") + "\\.");
    }
    return options;
  }

  /** The message of the first exception our own code threw, searched through causes and suppressed. */
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

  private static List<BenchResult.Score> scores(byte[] json) throws java.io.IOException {
    List<BenchResult.Score> scores = new ArrayList<>();
    for (JsonNode entry : ControlCodec.mapper().readTree(json)) {
      JsonNode metric = entry.path("primaryMetric");
      scores.add(new BenchResult.Score(entry.path("benchmark").asText(),
          metric.path("score").asDouble(Double.NaN), metric.path("scoreError").asDouble(Double.NaN),
          metric.path("scoreUnit").asText()));
    }
    return scores;
  }
}
