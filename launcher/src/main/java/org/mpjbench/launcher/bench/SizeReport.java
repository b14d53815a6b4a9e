package org.mpjbench.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.mpjbench.launcher.report.CsvLines;
import org.mpjbench.launcher.report.Reporter;
import org.mpjbench.launcher.report.Table;

/**
 * The OSU-style baselines by message size of a bench ({@code --benchmarks osu}): the sweep's
 * {@code sizes-<K>r.json} of every rank count merged into one table, one {@link Row} per
 * operation, K, device and size, written as {@code sizes.csv} and {@code sizes.md} and drawn by
 * {@link org.mpjbench.launcher.charts.SizeCharts}.
 */
public final class SizeReport {
  /** The CSV's columns. */
  public static final List<String> CSV_COLUMNS = List.of("operation", "ranks", "device", "bytes",
      "iterations", "median_us", "p99_us", "mb_per_s", "mean_us");
  /** The bandwidth operation (OSU's osu_bw). */
  public static final String BANDWIDTH = "bandwidth";
  /** The bidirectional bandwidth operation (OSU's osu_bibw). */
  public static final String BIDIRECTIONAL = "bibw";
  /** The operations measured in MB/s; every other operation is a latency. */
  public static final List<String> BANDWIDTHS = List.of(BANDWIDTH, BIDIRECTIONAL);
  /** The operations in the order of the tables: the sweep's. */
  public static final List<String> OPERATIONS = List.of("latency", BANDWIDTH, BIDIRECTIONAL,
      "bcast", "allreduce", "gather", "alltoall", "reduce", "allgather", "scatter");
  /** The Markdown file's title. */
  public static final String TITLE = "MPI baselines by message size";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<Row> rows;

  private SizeReport(List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt((Row row) -> order(row.operation()))
        .thenComparing(Row::operation).thenComparing(Row::device).thenComparingInt(Row::ranks)
        .thenComparingInt(Row::bytes));
    this.rows = List.copyOf(sorted);
  }

  /**
   * One operation at one size on K ranks.
   *
   * @param operation latency (half an MPI round trip between ranks 0 and 1), bandwidth (a window
   *     of 64 non-blocking sends from rank 0 to rank 1, fewer above 1 MiB, and an ack), bibw (a
   *     window each way at once), bcast, allreduce, gather, alltoall, reduce, allgather, scatter
   *     (one collective over all ranks, the slowest rank's time)
   * @param ranks K
   * @param device the MPJ device
   * @param bytes the message size
   * @param iterations the timed iterations
   * @param medianUs their median in microseconds (bandwidth: of a whole window)
   * @param p99Us their 99th percentile in microseconds
   * @param mbPerSecond bandwidth and bibw only: the window's bytes over its median time, MB/s
   *     (10^6 B/s); NaN for the latencies
   * @param meanUs OSU's own figure in microseconds, the mean of every timed call of every rank
   *     that timed one (for the collectives, every rank's, where the median and p99 are the
   *     slowest rank's); NaN when not known (the native reference, files from before it)
   */
  public record Row(String operation, int ranks, String device, int bytes, int iterations,
      double medianUs, double p99Us, double mbPerSecond, double meanUs) {
    /** Checks the figures. */
    public Row {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(device, "device");
      if (ranks < 1 || bytes < 1 || iterations < 1) {
        throw new IllegalArgumentException(operation + ": ranks, bytes and iterations must be"
            + " at least 1, got " + ranks + ", " + bytes + ", " + iterations);
      }
      if (!Double.isNaN(meanUs) && !(meanUs >= 0 && Double.isFinite(meanUs))) {
        throw new IllegalArgumentException(operation + " at " + bytes + " B on " + ranks
            + " ranks: the mean must be at least 0 and finite, got " + meanUs);
      }
      if (!(medianUs >= 0) || !(p99Us >= medianUs) || Double.isInfinite(p99Us)) {
        throw new IllegalArgumentException(operation + " at " + bytes + " B on " + ranks
            + " ranks: need 0 <= median <= p99, finite, got " + medianUs + ", " + p99Us);
      }
    }

    /** A row without OSU's mean (NaN): the native reference's, and files from before it. */
    public Row(String operation, int ranks, String device, int bytes, int iterations,
        double medianUs, double p99Us, double mbPerSecond) {
      this(operation, ranks, device, bytes, iterations, medianUs, p99Us, mbPerSecond, Double.NaN);
    }

    /** Whether this is a bandwidth row (MB/s), not a latency. */
    public boolean isBandwidth() {
      return BANDWIDTHS.contains(operation);
    }
  }

  /** A report of {@code rows}. */
  public static SizeReport of(List<Row> rows) {
    return new SizeReport(rows);
  }

  /**
   * Reads the sweep's files (one per rank count; K and the device are in each file) and merges
   * them. No files give an empty report.
   *
   * @throws IllegalArgumentException with one line naming the file for a file that is not the
   *     sweep's JSON, or two rows for the same operation, K, device and size
   */
  public static SizeReport read(List<Path> files) throws IOException {
    List<Row> rows = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Path file : new LinkedHashSet<>(files)) {
      JsonNode root;
      try {
        root = MAPPER.readTree(Files.readAllBytes(file));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(file + ": not the size sweep's JSON: "
            + e.getOriginalMessage().replaceAll("\\s+", " "));
      }
      if (root == null || !root.path("rows").isArray() || !root.path("ranks").canConvertToInt()) {
        throw new IllegalArgumentException(file + ": not the size sweep's JSON (no ranks and"
            + " rows)");
      }
      int ranks = root.path("ranks").asInt();
      String device = root.path("device").asText("unknown");
      for (JsonNode node : root.path("rows")) {
        JsonNode mb = node.get("mbPerSecond");
        JsonNode mean = node.get("meanUs");
        Row row;
        try {
          row = new Row(node.path("operation").asText(), ranks, device,
              node.path("bytes").asInt(), node.path("iterations").asInt(),
              node.path("medianUs").asDouble(Double.NaN), node.path("p99Us").asDouble(Double.NaN),
              mb == null || !mb.isNumber() ? Double.NaN : mb.asDouble(),
              mean == null || !mean.isNumber() ? Double.NaN : mean.asDouble());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        add(rows, seen, row, file);
      }
    }
    return new SizeReport(rows);
  }

  /**
   * Reads bench tables ({@code sizes.csv}, as {@link #writeCsv} writes them) and merges them: the
   * same bench on several devices, or runs on several machines, drawn together by {@code plot}.
   *
   * @throws IllegalArgumentException with one line naming the file (and the row, counted as
   *     {@code CsvLines} counts them: blank lines left out) for a file that is not such a table,
   *     or two rows for the same operation, K, device and size
   */
  public static SizeReport readCsv(List<Path> files) throws IOException {
    List<Row> rows = new ArrayList<>();
    Set<List<Object>> seen = new HashSet<>();
    for (Path file : new LinkedHashSet<>(files)) {
      List<List<String>> lines = CsvLines.parse(file, Files.readAllLines(file));
      // A table written before mean_us (the last column) was added reads as one without means.
      if (lines.isEmpty() || !(lines.get(0).equals(CSV_COLUMNS)
          || lines.get(0).equals(CSV_COLUMNS.subList(0, CSV_COLUMNS.size() - 1)))) {
        throw new IllegalArgumentException(file + ": not a bench's sizes.csv (its first line must"
            + " be " + String.join(",", CSV_COLUMNS) + ")");
      }
      int columns = lines.get(0).size();
      for (int i = 1; i < lines.size(); i++) {
        List<String> cells = lines.get(i);
        Row row;
        try {
          if (cells.size() != columns) {
            throw new IllegalArgumentException(cells.size() + " cells, not " + columns);
          }
          row = new Row(cells.get(0), Integer.parseInt(cells.get(1)), cells.get(2),
              Integer.parseInt(cells.get(3)), Integer.parseInt(cells.get(4)),
              Double.parseDouble(cells.get(5)), Double.parseDouble(cells.get(6)),
              number(cells.get(7)), columns > 8 ? number(cells.get(8)) : Double.NaN);
        } catch (IllegalArgumentException e) { // NumberFormatException too
          throw new IllegalArgumentException(file + ", row " + (i + 1) + ": " + e.getMessage());
        }
        add(rows, seen, row, file);
      }
    }
    return new SizeReport(rows);
  }

  /** A cell's number; NaN for an empty cell (a figure not known). */
  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }

  /**
   * Adds {@code row}, read from {@code file}, unless a row of its operation, K, device and size is
   * there already: then one line says so.
   */
  private static void add(List<Row> rows, Set<List<Object>> seen, Row row, Path file) {
    if (!seen.add(List.of(row.operation(), row.ranks(), row.device(), row.bytes()))) {
      throw new IllegalArgumentException(file + ": " + row.operation() + " at " + row.bytes()
          + " B on " + row.ranks() + " ranks (" + row.device() + ") is there twice");
    }
    rows.add(row);
  }

  /** Every row: by operation (in {@link #OPERATIONS} order), device, K, size. */
  public List<Row> rows() {
    return rows;
  }

  /** Whether there are no rows. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The rows of {@code operation}. */
  public List<Row> rows(String operation) {
    return rows.stream().filter(row -> row.operation().equals(operation)).toList();
  }

  /** The latency rows: every operation but the bandwidths. */
  public List<Row> latencyRows() {
    return rows.stream().filter(row -> !row.isBandwidth()).toList();
  }

  /** Every device with a row, sorted. */
  public List<String> devices() {
    return List.copyOf(new TreeSet<>(rows.stream().map(Row::device).toList()));
  }

  /** Writes {@link #CSV_COLUMNS}, one line per row, six significant digits, empty when none. */
  public void writeCsv(Path file) throws IOException {
    TextFiles.write(file, csv());
  }

  /** The CSV text, as {@link #writeCsv} writes it. */
  String csv() {
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows) {
      cells.add(List.of(row.operation(), Integer.toString(row.ranks()), row.device(),
          Integer.toString(row.bytes()), Integer.toString(row.iterations()),
          Figures.file(row.medianUs()), Figures.file(row.p99Us()),
          Figures.file(row.mbPerSecond()), Figures.file(row.meanUs())));
    }
    return String.join("\n", Reporter.CSV.lines(new Table(CSV_COLUMNS, cells))) + "\n";
  }

  /** Writes a Markdown page: what the figures are, then one table per operation. */
  public void writeMarkdown(Path file) throws IOException {
    TextFiles.write(file, String.join("\n", markdown()) + "\n");
  }

  /** The Markdown page's lines. */
  List<String> markdown() {
    List<String> lines = new ArrayList<>(List.of("# " + TITLE, ""));
    if (rows.isEmpty()) {
      lines.add("No results by message size.");
      return lines;
    }
    lines.add("OSU-style: per message size, the median and the 99th percentile of the timed"
        + " iterations in µs, by number of ranks K, on " + String.join(", ", devices())
        + ". latency is half an MPI round trip between ranks 0 and 1 (osu_latency); bandwidth"
        + " is a window of 64 non-blocking sends from rank 0 to rank 1 (fewer above 1 MiB: 64 MiB"
        + " a window at most) and a one-byte ack (osu_bw), MB/s = 10^6 bytes per second over the"
        + " median window; bibw is a window each way at once between ranks 0 and 1 (osu_bibw),"
        + " MB/s counting both; bcast, allreduce, gather, alltoall, reduce, allgather and scatter"
        + " time one collective over all K ranks after a barrier, the slowest rank's time per"
        + " iteration. On MPJ's devices every operation's data was checked byte by byte at every"
        + " size before it was timed.");
    for (String operation : operations()) {
      lines.add("");
      lines.add("## " + operation);
      lines.add("");
      lines.addAll(Reporter.MARKDOWN.lines(table(operation, "–")));
    }
    return lines;
  }

  /** The tables as fixed-width console lines, one per operation, separated by empty lines. */
  public List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    if (rows.isEmpty()) {
      lines.add("no results by message size");
      return lines;
    }
    for (String operation : operations()) {
      if (!lines.isEmpty()) {
        lines.add("");
      }
      lines.addAll(Reporter.CONSOLE.lines(table(operation, "-")));
    }
    return lines;
  }

  private List<String> operations() {
    return rows.stream().map(Row::operation).distinct().toList();
  }

  /**
   * One operation's table: sizes as rows, K (and device) as columns; cells "median µs (p99 µs)",
   * for bandwidth "MB/s (median µs per window)".
   */
  Table table(String operation, String missing) {
    List<Row> chosen = rows(operation);
    List<String> columns = chosen.stream().map(this::column).distinct().toList();
    List<Integer> sizes = List.copyOf(new TreeSet<>(chosen.stream().map(Row::bytes).toList()));
    boolean bandwidth = BANDWIDTHS.contains(operation);
    List<String> header = new ArrayList<>(List.of(operation + (bandwidth
        ? ", MB/s (window µs)" : ", µs median (p99)")));
    header.addAll(columns);
    List<List<String>> cells = new ArrayList<>();
    for (int bytes : sizes) {
      List<String> line = new ArrayList<>(List.of(bytesText(bytes)));
      for (String column : columns) {
        line.add(chosen.stream().filter(row -> row.bytes() == bytes && column(row).equals(column))
            .findFirst().map(row -> bandwidth
                ? Figures.people(row.mbPerSecond()) + " (" + Figures.people(row.medianUs()) + ")"
                : Figures.people(row.medianUs()) + " (" + Figures.people(row.p99Us()) + ")")
            .orElse(missing));
      }
      cells.add(line);
    }
    return new Table(header, cells);
  }

  private String column(Row row) {
    return "K=" + row.ranks() + (devices().size() > 1 ? " " + row.device() : "");
  }

  /** 512 B, 1 KiB, 64 KiB, 1 MiB; a size that is no whole KiB or MiB in bytes. */
  public static String bytesText(int bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return String.format(Locale.ROOT, "%d B", bytes);
  }

  private static int order(String operation) {
    int index = OPERATIONS.indexOf(operation);
    return index < 0 ? OPERATIONS.size() : index;
  }
}
