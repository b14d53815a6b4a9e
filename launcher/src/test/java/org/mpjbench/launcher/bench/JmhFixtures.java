package org.mpjbench.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fabricated JMH 1.37 JSON result files, shaped as {@code -rf json} writes them (errors JMH could
 * not compute as the string "NaN").
 */
public final class JmhFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PACKAGE = "org.mpjbench.benchmarks.";

  private JmhFixtures() {}

  /**
   * One result of {@code benchmarkClass} (simple name) at {@code ranks} on multicore; {@code
   * error} is a number or a string such as "NaN".
   */
  public static ObjectNode result(String benchmarkClass, String method, int ranks, double score,
      Object error, String unit) {
    ObjectNode result = MAPPER.createObjectNode();
    result.put("jmhVersion", "1.37");
    result.put("benchmark", PACKAGE + benchmarkClass + "." + method);
    result.put("mode", "thrpt");
    result.put("threads", 1);
    result.put("forks", 0);
    result.put("jvm", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    result.putArray("jvmArgs");
    result.put("jdkVersion", "17.0.12");
    result.put("warmupIterations", 2);
    result.put("warmupTime", "1 s");
    result.put("measurementIterations", 3);
    result.put("measurementTime", "2 s");
    ObjectNode params = result.putObject("params");
    params.put("ranks", Integer.toString(ranks));
    params.put("device", "multicore");
    ObjectNode primary = result.putObject("primaryMetric");
    primary.put("score", score);
    putNumber(primary, "scoreError", error);
    ArrayNode confidence = primary.putArray("scoreConfidence");
    if (error instanceof Number number) {
      confidence.add(score - number.doubleValue()).add(score + number.doubleValue());
    } else {
      confidence.add("NaN").add("NaN");
    }
    ObjectNode percentiles = primary.putObject("scorePercentiles");
    percentiles.put("0.0", score).put("50.0", score).put("100.0", score);
    primary.put("scoreUnit", unit);
    primary.putArray("rawData").addArray().add(score).add(score).add(score);
    result.putObject("secondaryMetrics");
    return result;
  }

  /** {@code result} with a secondary metric (an {@code @AuxCounters} field). */
  public static ObjectNode secondary(ObjectNode result, String name, double score, String unit) {
    ObjectNode metric = ((ObjectNode) result.get("secondaryMetrics")).putObject(name);
    metric.put("score", score);
    metric.put("scoreError", "NaN");
    metric.putArray("scoreConfidence").add("NaN").add("NaN");
    metric.put("scoreUnit", unit);
    metric.putArray("rawData").addArray().add(score);
    return result;
  }

  /**
   * One kernel run result ({@code KernelRunBenchmark.run} with the JMH parameter {@code kernel})
   * at {@code ranks} on multicore, in runs per second, with the messages per second.
   */
  public static ObjectNode kernelRun(String kernel, int ranks, double score, Object error,
      double messagesPerSecond) {
    ObjectNode result = result("KernelRunBenchmark", "run", ranks, score, error, "ops/s");
    ((ObjectNode) result.get("params")).put("kernel", kernel);
    return secondary(result, "messages", messagesPerSecond, "ops/s");
  }

  /** Writes {@code results} as a JMH JSON array to {@code dir/fileName} (folder created). */
  public static Path write(Path dir, String fileName, ObjectNode... results) throws IOException {
    ArrayNode array = MAPPER.createArrayNode();
    for (ObjectNode result : results) {
      array.add(result);
    }
    Files.createDirectories(dir);
    Path file = dir.resolve(fileName);
    Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    return file;
  }

  /**
   * A session on 1, 2 and 4 ranks, in the units the benchmarks use and some they might:
   *
   * <pre>
   * K  berkeley-round    download (ops/min)       lines (ops/min)  ping-pong            allreduce
   * 1  5000 ±100 ops/s   30 ±"NaN"                3000             -                    200000 ±5000 ops/s
   * 2  1500 ±30 ops/s    55 ±2                    5500             0.012 ±0.0005 ops/us 60 ±2 ops/ms
   * 4  600 ±"NaN" ops/s  90 ±3                    9000             9000 ±300 ops/s      20000 ±800 ops/s
   * </pre>
   */
  public static List<Path> session(Path dir) throws IOException {
    return List.of(
        write(dir, "jmh-1r.json",
            result("BerkeleyRoundBenchmark", "round", 1, 5000, 100, "ops/s"),
            secondary(result("DownloadBenchmark", "download", 1, 30, "NaN", "ops/min"),
                "lines", 3000, "ops/min"),
            result("AllreduceBenchmark", "allreduce", 1, 200_000, 5_000, "ops/s")),
        write(dir, "jmh-2r.json",
            result("BerkeleyRoundBenchmark", "round", 2, 1500, 30, "ops/s"),
            secondary(result("DownloadBenchmark", "download", 2, 55, 2, "ops/min"),
                "lines", 5500, "ops/min"),
            result("PingPongBenchmark", "roundTrip", 2, 0.012, 0.0005, "ops/us"),
            result("AllreduceBenchmark", "allreduce", 2, 60, 2, "ops/ms")),
        write(dir, "jmh-4r.json",
            result("BerkeleyRoundBenchmark", "round", 4, 600, "NaN", "ops/s"),
            secondary(result("DownloadBenchmark", "download", 4, 90, 3, "ops/min"),
                "lines", 9000, "ops/min"),
            result("PingPongBenchmark", "roundTrip", 4, 9000, 300, "ops/s"),
            result("AllreduceBenchmark", "allreduce", 4, 20_000, 800, "ops/s")));
  }

  private static void putNumber(ObjectNode node, String field, Object value) {
    if (value instanceof Number number) {
      node.put(field, number.doubleValue());
    } else {
      node.put(field, String.valueOf(value));
    }
  }
}
