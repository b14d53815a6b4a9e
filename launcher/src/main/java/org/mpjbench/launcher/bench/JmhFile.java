package org.mpjbench.launcher.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one JMH 1.37 JSON result file ({@code -rf json}: an array of objects, one per benchmark and
 * parameter combination) into {@link Result}s, every score normalized to per second.
 *
 * <p>JMH writes a score it could not compute (the error of a single iteration) as the string
 * {@code "NaN"}, and infinities as {@code "+INF"}/{@code "-INF"}: such an error counts as missing.
 */
final class JmhFile {
  /** The parameter holding the rank count K. */
  static final String RANKS_PARAM = "ranks";
  /**
   * The parameter that names the kernel case of a benchmark timing whole kernel runs
   * ({@code KernelRunBenchmark}): such a result is named after it, not after its class.
   */
  static final String KERNEL_PARAM = "kernel";
  /** The parameter holding the MPJ device. */
  static final String DEVICE_PARAM = "device";
  /** The device of a result without a {@value #DEVICE_PARAM} parameter. */
  static final String UNKNOWN_DEVICE = "unknown";

  /** The harness's file name, which carries K when the results do not. */
  private static final Pattern FILE_NAME = Pattern.compile("jmh-(\\d+)r\\.json");
  /** A JMH throughput unit: operations per time unit. */
  private static final Pattern THROUGHPUT_UNIT = Pattern.compile("ops/(ns|us|ms|s|min|hr|day)");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JmhFile() {}

  /**
   * One benchmark result of one file.
   *
   * @param file the file it was read from
   * @param jmhName JMH's name of the benchmark, {@code package.Class.method}
   * @param params every {@code @Param} value, as JMH wrote it
   * @param benchmark the value of {@value #KERNEL_PARAM} when it is a parameter, else the short
   *     name ({@link #shortName})
   * @param kernelRun whether the benchmark has a {@value #KERNEL_PARAM} parameter: one operation is
   *     one whole run of that kernel
   * @param ranks K
   * @param device the MPJ device, {@value #UNKNOWN_DEVICE} when not a parameter
   * @param opsPerSecond the primary score, per second
   * @param errorOpsPerSecond JMH's score error, per second; NaN when JMH had none
   * @param secondaryPerSecond the secondary metrics that are throughputs, per second, by name
   * @param iterationsPerSecond the primary score of every measurement iteration of every fork
   *     ({@code primaryMetric.rawData}), per second; empty when the file has none
   */
  record Result(Path file, String jmhName, Map<String, String> params, String benchmark,
      boolean kernelRun, int ranks, String device, double opsPerSecond, double errorOpsPerSecond,
      Map<String, Double> secondaryPerSecond, List<Double> iterationsPerSecond) {}

  /**
   * The results in {@code file}; none for an empty array.
   *
   * @throws IllegalArgumentException with a one-line message naming the file when it is not JMH
   *     JSON, holds a result that is not a throughput, or gives no rank count
   */
  static List<Result> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw notJmh(file, "invalid JSON" + where + ": " + oneLine(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode()) {
      throw notJmh(file, "the file is empty");
    }
    if (!root.isArray()) {
      throw notJmh(file, "expected a JSON array of benchmark results, found "
          + describe(root));
    }
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      results.add(result(file, i, root.get(i)));
    }
    return List.copyOf(results);
  }

  private static Result result(Path file, int index, JsonNode node) {
    String where = "result " + (index + 1);
    if (!node.isObject()) {
      throw notJmh(file, where + " is " + describe(node) + ", not an object");
    }
    JsonNode name = node.get("benchmark");
    JsonNode primary = node.get("primaryMetric");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw notJmh(file, where + " has no \"benchmark\" name");
    }
    if (primary == null || !primary.isObject()) {
      throw notJmh(file, where + " (" + name.asText() + ") has no \"primaryMetric\"");
    }
    String jmhName = name.asText();
    Map<String, String> params = params(node.get("params"));
    String unit = primary.path("scoreUnit").asText("");
    Matcher throughput = THROUGHPUT_UNIT.matcher(unit);
    if (!throughput.matches()) {
      throw new IllegalArgumentException(file + ": " + jmhName + " is not a throughput result"
          + " (mode " + node.path("mode").asText("?") + ", score unit \"" + unit
          + "\"); only ops/<time> results (-bm thrpt) can be merged");
    }
    double score = number(primary.get("score"));
    if (!Double.isFinite(score) || score < 0) {
      throw new IllegalArgumentException(file + ": " + jmhName + " has no usable score ("
          + primary.get("score") + ")");
    }
    double error = number(primary.get("scoreError"));
    if (!Double.isFinite(error) || error < 0) {
      error = Double.NaN;
    }
    String timeUnit = throughput.group(1);
    Map<String, Double> secondary = new TreeMap<>();
    JsonNode secondaries = node.path("secondaryMetrics");
    for (Iterator<Map.Entry<String, JsonNode>> it = secondaries.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> metric = it.next();
      // Profilers add metrics in other units (B/op, MB/sec, counts): only rates of operations.
      Matcher rate = THROUGHPUT_UNIT.matcher(metric.getValue().path("scoreUnit").asText(""));
      double value = number(metric.getValue().get("score"));
      if (rate.matches() && Double.isFinite(value)) {
        secondary.put(metric.getKey(), perSecond(value, rate.group(1)));
      }
    }
    String kernel = params.get(KERNEL_PARAM);
    boolean kernelRun = kernel != null && !kernel.isBlank();
    return new Result(file, jmhName, params, kernelRun ? kernel.strip() : shortName(jmhName),
        kernelRun, ranks(file, jmhName, params),
        params.getOrDefault(DEVICE_PARAM, UNKNOWN_DEVICE), perSecond(score, timeUnit),
        perSecond(error, timeUnit), Collections.unmodifiableMap(secondary),
        iterations(primary.get("rawData"), timeUnit));
  }

  /** The finite scores of {@code rawData} (an array per fork of one score per iteration). */
  private static List<Double> iterations(JsonNode rawData, String timeUnit) {
    List<Double> scores = new ArrayList<>();
    if (rawData != null && rawData.isArray()) {
      for (JsonNode fork : rawData) {
        for (JsonNode iteration : fork) {
          double score = number(iteration);
          if (Double.isFinite(score)) {
            scores.add(perSecond(score, timeUnit));
          }
        }
      }
    }
    return List.copyOf(scores);
  }

  /**
   * The short name of a JMH benchmark: its class's simple name without the "Benchmark" suffix, in
   * lower-case words joined by hyphens. {@code org.x.BerkeleyRoundBenchmark.round} gives
   * "berkeley-round", {@code org.x.PingPongBenchmark.roundTrip} gives "ping-pong".
   */
  static String shortName(String jmhName) {
    String[] parts = jmhName.split("\\.");
    String simple = parts.length >= 2 ? parts[parts.length - 2] : parts[0];
    simple = simple.substring(simple.lastIndexOf('$') + 1);
    if (simple.endsWith("Benchmark") && simple.length() > "Benchmark".length()) {
      simple = simple.substring(0, simple.length() - "Benchmark".length());
    }
    return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
        .toLowerCase(Locale.ROOT);
  }

  /** {@code value} operations per {@code timeUnit} (a JMH unit), per second. */
  static double perSecond(double value, String timeUnit) {
    return switch (timeUnit) {
      case "ns" -> value * 1e9;
      case "us" -> value * 1e6;
      case "ms" -> value * 1e3;
      case "s" -> value;
      case "min" -> value / 60;
      case "hr" -> value / 3_600;
      case "day" -> value / 86_400;
      default -> throw new IllegalArgumentException("not a JMH time unit: " + timeUnit);
    };
  }

  private static int ranks(Path file, String jmhName, Map<String, String> params) {
    String param = params.get(RANKS_PARAM);
    if (param != null) {
      int ranks;
      try {
        ranks = Integer.parseInt(param.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ": " + jmhName + " has params." + RANKS_PARAM
            + " = \"" + param + "\", not a whole number");
      }
      // 0 is the benchmarks' placeholder default: the harness did not set it.
      if (ranks > 0) {
        return ranks;
      }
    }
    Path name = file.getFileName();
    Matcher matcher = FILE_NAME.matcher(name == null ? "" : name.toString());
    if (matcher.matches()) {
      try {
        int ranks = Integer.parseInt(matcher.group(1));
        if (ranks > 0) {
          return ranks;
        }
      } catch (NumberFormatException e) {
        // Too many digits: no rank count either.
      }
    }
    throw new IllegalArgumentException(file + ": no rank count for " + jmhName + ": params."
        + RANKS_PARAM + " is missing or 0 and the file is not named jmh-<K>r.json");
  }

  private static Map<String, String> params(JsonNode node) {
    Map<String, String> params = new TreeMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    }
    return Collections.unmodifiableMap(params);
  }

  /** A JSON number, or a number JMH wrote as a string ("NaN", "+INF"); NaN for anything else. */
  private static double number(JsonNode node) {
    if (node == null) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isTextual()) {
      String text = node.asText().trim();
      if (text.equals("+INF")) {
        return Double.POSITIVE_INFINITY;
      }
      if (text.equals("-INF")) {
        return Double.NEGATIVE_INFINITY;
      }
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    return Double.NaN;
  }

  private static IllegalArgumentException notJmh(Path file, String reason) {
    return new IllegalArgumentException(file + ": not a JMH JSON result file (-rf json): " + reason);
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
