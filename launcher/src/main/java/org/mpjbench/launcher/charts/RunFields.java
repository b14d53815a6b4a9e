package org.mpjbench.launcher.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.results.Results;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.report.RunFigures;

/**
 * Reading a run's typed kernel result for the charts. A complete run whose result lacks a field a
 * chart needs is a broken file, not something to draw around: the message names the run (by its
 * result file's name) and the field.
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

  /**
   * The typed result of a complete run, read strictly (see {@link Results#typed}).
   *
   * @throws IllegalArgumentException naming the run and what is wrong with its result
   */
  static <R> R result(RunRecord run, Class<R> type) {
    if (run.ranks() < 1) {
      throw new IllegalArgumentException("run " + name(run) + " has " + run.ranks() + " ranks");
    }
    return Results.typed(run, type);
  }

  /** {@code value}, a duration or rate the charts divide by, which must be above zero. */
  static double positive(RunRecord run, double value, String field) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("run " + name(run) + " has result." + field
          + " = " + value + ", expected a number above 0");
    }
    return value;
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
