package org.mpjbench.launcher.cli;

import org.mpjbench.kernels.spi.Latencies;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.report.KernelFigures;
import org.mpjbench.launcher.report.Reporter;
import org.mpjbench.launcher.report.RunFigures;

/**
 * {@code sweep.csv}: one row per run, appended as the sweep goes. The columns, documented in
 * docs/results.md: which run; the headline kernels' own columns (Berkeley's, then the download's,
 * as {@link KernelFigures#columns()} lists them); the record's file; the figures every kernel fills
 * ({@code property} ... {@code messages_per_op}); then the algorithm kernels' own columns not
 * already there. New columns come last, so that readers of the older columns keep working. Lines
 * are {@link Reporter#CSV}'s (a cell with a comma or a quote quoted), one row at a time.
 */
final class SweepCsv {
  /** The distribution of the operations' latencies, last: they came after every other column. */
  private static final String[] LATENCY_COLUMNS =
      {"latency_p50_ns", "latency_p90_ns", "latency_p99_ns", "latency_max_ns"};

  /**
   * The headline kernels' columns of the first {@code sweep.csv}, where they have always stood;
   * a column those kernels gained later comes last, so that no older column moves.
   */
  private static final Set<String> FIRST_HEADLINE_COLUMNS = Set.of("final_skew_ns",
      "median_round_ns", "lines", "draws", "master_complete_s", "bound_s", "efficiency");

  /** The columns, in order. */
  static final List<String> COLUMNS = Stream.of(
      Stream.of("kernel", "ranks", "repeat", "seed", "status", "wall_s"),
      ownColumns(false).filter(FIRST_HEADLINE_COLUMNS::contains),
      Stream.of("result_file", "property", "messages", "operation", "operations",
          "median_latency_ns", "ops_per_s", "messages_per_op"),
      ownColumns(true),
      Stream.of(LATENCY_COLUMNS),
      ownColumns(false).filter(c -> !FIRST_HEADLINE_COLUMNS.contains(c)))
      .flatMap(s -> s).distinct().toList();

  private SweepCsv() {}

  /**
   * The own columns of the headline kernels (Berkeley's, the download's), where they have always
   * stood, or of the algorithm kernels (those that check a property), after the shared ones, so
   * that a new kernel's columns come last and no column of an older file moves. A figure several
   * kernels report (the clock kernels' final skew) is one column, in its first place.
   */
  private static Stream<String> ownColumns(boolean algorithmKernels) {
    return KernelFigures.all().stream().filter(k -> k.checksProperty() == algorithmKernels)
        .flatMap(k -> k.columns().stream()).map(KernelFigures.Column::name);
  }

  /** Writes the header line, replacing {@code csv}. */
  static void start(Path csv) throws IOException {
    Files.writeString(csv, Reporter.csvLine(COLUMNS) + "\n", StandardCharsets.UTF_8);
  }

  /** Appends one line, so that a sweep that stops keeps every row written so far. */
  static void append(Path csv, String line) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8,
        StandardOpenOption.APPEND)) {
      writer.write(line + "\n");
    }
  }

  /**
   * The row of one run of a kernel that takes a seed (the sweep's own rows say the seed
   * themselves, empty for a kernel without one).
   *
   * @param kernel the kernel's name
   * @param seed the repeat, which is also the seed
   * @param record the record the run wrote, or null when it wrote none (status {@code failed})
   * @param file that record's file
   * @param figures its figures, or null when they could not be read (their cells stay empty)
   */
  static String row(String kernel, int ranks, int seed, RunRecord record, Path file,
      RunFigures figures) {
    return row(kernel, ranks, seed, Integer.toString(seed), record,
        file == null ? null : file.getFileName().toString(), figures);
  }

  /**
   * The row of one run read from a file ({@code sweep --from}), or made by the sweep.
   *
   * @param repeat which run of its kernel and rank count it is, from 1
   * @param seed its seed, empty when its parameters have none
   * @param resultFile where its record is, as the row names it
   */
  static String row(String kernel, int ranks, int repeat, String seed, RunRecord record,
      String resultFile, RunFigures figures) {
    Map<String, String> row = new HashMap<>();
    row.put("kernel", kernel);
    row.put("ranks", Integer.toString(ranks));
    row.put("repeat", Integer.toString(repeat));
    row.put("seed", seed);
    row.put("status", record == null ? "failed" : record.status());
    if (record != null) {
      row.put("wall_s", decimal(record.wallTimeSeconds()));
      row.put("result_file", resultFile);
    }
    if (figures != null) {
      if (figures.complete()) {
        for (KernelFigures.Column column : figures.kernel().columns()) {
          row.put(column.name(), column.cell(figures));
        }
        row.put("operation", figures.kernel().operation());
      }
      if (figures.propertyHolds() != null) {
        row.put("property", figures.propertyHolds() ? "holds" : "violated");
      }
      row.put("messages", text(figures.messages()));
      row.put("operations", text(figures.operations()));
      row.put("median_latency_ns", text(figures.medianLatencyNanos()));
      row.put("ops_per_s", figures.operationsPerSecond() == null ? ""
          : decimal(figures.operationsPerSecond()));
      row.put("messages_per_op", figures.messagesPerOperation() == null ? ""
          : decimal(figures.messagesPerOperation()));
      Latencies latency = figures.latency();
      if (latency != null) {
        row.put("latency_p50_ns", Long.toString(latency.p50Nanos()));
        row.put("latency_p90_ns", Long.toString(latency.p90Nanos()));
        row.put("latency_p99_ns", Long.toString(latency.p99Nanos()));
        row.put("latency_max_ns", Long.toString(latency.maxNanos()));
      }
    }
    List<String> cells = new ArrayList<>();
    for (String column : COLUMNS) {
      cells.add(row.getOrDefault(column, ""));
    }
    return Reporter.csvLine(cells);
  }

  private static String text(Long value) {
    return value == null ? "" : value.toString();
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
