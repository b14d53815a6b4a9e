package org.mpjbench.launcher.charts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mpjbench.launcher.report.RunFigures;
import org.mpjbench.launcher.results.RunRecord;

/**
 * Reading a run's kernel result field by field. A complete run whose result lacks a field a chart
 * needs is a broken file, not something to draw around: the message names the run (by its result
 * file's name) and the field.
 */
final class RunFields {
  /** The status of a run whose result is there to plot. */
  static final String COMPLETE = "complete";

  private RunFields() {}

  /** Whether {@code run} completed, so that it has a result. */
  static boolean isComplete(RunRecord run) {
    return COMPLETE.equals(run.status());
  }

  /** The complete runs of {@code kernel}, in the given order. */
  static List<RunRecord> complete(List<RunRecord> runs, String kernel) {
    return runs.stream().filter(r -> isComplete(r) && kernel.equals(r.kernel())).toList();
  }

  /**
   * The run's name as its result file is called, without {@code .json}, e.g.
   * {@code download-4r-multicore-20261121T234653Z}.
   */
  static String name(RunRecord run) {
    return RunFigures.nameOf(run);
  }

  /** The kernel result of a complete run. */
  static JsonNode result(RunRecord run) {
    if (run.result() == null || !run.result().isObject()) {
      throw new IllegalArgumentException("run " + name(run) + " is complete but has no result");
    }
    if (run.ranks() < 1) {
      throw new IllegalArgumentException("run " + name(run) + " has " + run.ranks() + " ranks");
    }
    return run.result();
  }

  /** A finite number field of {@code node}; {@code path} names it in the message. */
  static double number(RunRecord run, JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw missing(run, path + field, "a number");
    }
    return value.doubleValue();
  }

  /** A number field that must be above zero (a duration or rate the charts divide by). */
  static double positive(RunRecord run, JsonNode node, String field, String path) {
    double value = number(run, node, field, path);
    if (!(value > 0)) {
      throw new IllegalArgumentException("run " + name(run) + " has result." + path + field
          + " = " + value + ", expected a number above 0");
    }
    return value;
  }

  /** A whole-number field of {@code node}. */
  static long integer(RunRecord run, JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw missing(run, path + field, "a whole number");
    }
    return value.longValue();
  }

  /** A text field of {@code node}, or null. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  /** An array field of {@code node}. */
  static JsonNode array(RunRecord run, JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw missing(run, path + field, "an array");
    }
    return value;
  }

  private static IllegalArgumentException missing(RunRecord run, String path, String what) {
    return new IllegalArgumentException(
        "run " + name(run) + " has no result." + path + " (" + what + ")");
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** "1 rank", "4 ranks". */
  static String ranks(int ranks) {
    return ranks + (ranks == 1 ? " rank" : " ranks");
  }

  /** "1 run", "median of 5 runs": how many runs a series stands for. */
  static String runs(int runs) {
    return runs == 1 ? "1 run" : "median of " + runs + " runs";
  }

  /** Seconds for a legend: 7.43 gives "7.4 s", 123.4 gives "123 s", 0.456 gives "0.46 s". */
  static String seconds(double seconds) {
    String pattern = seconds >= 100 ? "%.0f s" : seconds >= 1 ? "%.1f s" : "%.2f s";
    return String.format(Locale.ROOT, pattern, seconds);
  }
}
