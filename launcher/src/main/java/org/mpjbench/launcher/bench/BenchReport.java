package org.mpjbench.launcher.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.mpjbench.launcher.report.Reporter;
import org.mpjbench.launcher.report.Table;
import org.openjdk.jmh.util.ListStatistics;

/**
 * The JMH results of a benchmark session merged into one table: one {@link Row} per benchmark,
 * rank count K and device, every score in operations per second, and each benchmark's cost in
 * MPI ping-pongs at the same K. Written as CSV (for tools), Markdown (for people) and console
 * lines; {@link org.mpjbench.launcher.charts.ThroughputChart} draws it.
 *
 * <p>Benchmarks are named after their class: {@code org.mpjbench.benchmarks.BerkeleyRoundBenchmark
 * .round} is "berkeley-round", and likewise "download", "ping-pong" and "allreduce". The last two
 * are the baselines: plain MPI operations the kernels are measured against. A benchmark with a
 * JMH parameter {@code kernel} ({@code KernelRunBenchmark}) is named after that parameter's
 * value, "lamport", "ring-no-crash", ...: a <em>kernel run</em>, one operation being one whole run
 * of that kernel; kernel runs come after the other benchmarks in every table.
 */
public final class BenchReport {
  /** A JMH score error above this share of the score flags the score as imprecise. */
  static final double IMPRECISE_ABOVE = 0.10;
  /** The mark of an imprecise score, in the tables and the note under them. */
  static final String IMPRECISE_MARK = "(!)";

  /** The MPI round trip between ranks 0 and 1 that other benchmarks are counted in. */
  public static final String PING_PONG = "ping-pong";
  /** One-double Allreduce over all ranks. */
  public static final String ALLREDUCE = "allreduce";
  /** Whole-file cooperative downloads. */
  public static final String DOWNLOAD = "download";
  /** The plain MPI operations, drawn as references rather than as kernels. */
  public static final Set<String> BASELINES = Set.of(PING_PONG, ALLREDUCE);
  /** The CSV's first columns; one {@code <secondary>_per_s} column per secondary metric follows. */
  public static final List<String> CSV_COLUMNS = List.of("benchmark", "ranks", "device",
      "ops_per_s", "error_ops_per_s", "per_ping_pong");
  /** The Markdown file's title, which the chart shares. */
  public static final String TITLE = "Kernel throughput on MPJ Express ranks";

  private static final Comparator<Row> ORDER = Comparator.comparing(Row::kernelRun)
      .thenComparing(Row::benchmark).thenComparingInt(Row::ranks).thenComparing(Row::device);

  private final List<Row> rows;

  BenchReport(List<Row> rows) {
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(ORDER);
    this.rows = List.copyOf(sorted);
  }

  /**
   * One benchmark at one rank count on one device.
   *
   * @param benchmark the benchmark's class simple name without "Benchmark", in lower-case words
   *     joined by hyphens: berkeley-round, download, ping-pong, allreduce; for a kernel run, the
   *     kernel case: cristian, ring-no-crash, ...
   * @param ranks K, the number of MPJ ranks
   * @param device the MPJ device (multicore, niodev), "unknown" when the results do not say
   * @param opsPerSecond JMH's score, operations per second
   * @param errorOpsPerSecond JMH's score error (half-width of its 99.9% confidence interval),
   *     operations per second; NaN when JMH had none (a single iteration)
   * @param perPingPong ping-pong's ops/s divided by this benchmark's ops/s at the same K and
   *     device: one operation costs this many ping-pongs; null for ping-pong itself, and when
   *     there is no ping-pong at this K (K = 1) or this benchmark's score is 0
   * @param secondaryPerSecond JMH's secondary throughputs per second, by metric name (download:
   *     "lines", lines received per second; kernel runs: "messages", the messages the kernels
   *     counted per second); unmodifiable, sorted by name
   * @param kernelRun whether one operation is one whole run of an algorithm kernel (the result
   *     had a JMH parameter {@code kernel})
   */
  public record Row(String benchmark, int ranks, String device, double opsPerSecond,
      double errorOpsPerSecond, Double perPingPong, Map<String, Double> secondaryPerSecond,
      boolean kernelRun, List<Double> iterationsPerSecond) {

    /** Checks the figures and copies the map. */
    public Row {
      Objects.requireNonNull(benchmark, "benchmark");
      Objects.requireNonNull(device, "device");
      if (ranks < 1) {
        throw new IllegalArgumentException(benchmark + ": ranks must be at least 1, not " + ranks);
      }
      if (!(opsPerSecond >= 0) || Double.isInfinite(opsPerSecond)) {
        throw new IllegalArgumentException(benchmark + " at " + ranks + " ranks: ops/s must be"
            + " finite and not negative, not " + opsPerSecond);
      }
      if (!Double.isNaN(errorOpsPerSecond)
          && (errorOpsPerSecond < 0 || Double.isInfinite(errorOpsPerSecond))) {
        throw new IllegalArgumentException(benchmark + " at " + ranks + " ranks: the error must"
            + " be NaN (missing) or finite and not negative, not " + errorOpsPerSecond);
      }
      secondaryPerSecond = secondaryPerSecond == null ? Map.of()
          : Collections.unmodifiableMap(new TreeMap<>(secondaryPerSecond));
      iterationsPerSecond = iterationsPerSecond == null ? List.of()
          : List.copyOf(iterationsPerSecond);
    }

    /** A row without the iterations' own scores (a median and spread are then unknown). */
    public Row(String benchmark, int ranks, String device, double opsPerSecond,
        double errorOpsPerSecond, Double perPingPong, Map<String, Double> secondaryPerSecond,
        boolean kernelRun) {
      this(benchmark, ranks, device, opsPerSecond, errorOpsPerSecond, perPingPong,
          secondaryPerSecond, kernelRun, List.of());
    }

    /** A row of a benchmark that is not a kernel run. */
    public Row(String benchmark, int ranks, String device, double opsPerSecond,
        double errorOpsPerSecond, Double perPingPong, Map<String, Double> secondaryPerSecond) {
      this(benchmark, ranks, device, opsPerSecond, errorOpsPerSecond, perPingPong,
          secondaryPerSecond, false);
    }

    /** Whether this is a baseline ({@link #BASELINES}): ping-pong or allreduce. */
    public boolean isBaseline() {
      return BASELINES.contains(benchmark);
    }

    /** The error as a fraction of the score (0.03 for ±3%); NaN when either is missing or 0. */
    public double relativeError() {
      return opsPerSecond > 0 ? errorOpsPerSecond / opsPerSecond : Double.NaN;
    }

    /**
     * The median and the interquartile range of the measured iterations' scores, ops/s; null with
     * fewer than {@link #SPREAD_FROM_ITERATIONS} iterations.
     */
    public Spread spread() {
      if (iterationsPerSecond.size() < SPREAD_FROM_ITERATIONS) {
        return null;
      }
      // JMH's own statistics, as its score and error come from.
      ListStatistics statistics = new ListStatistics();
      iterationsPerSecond.forEach(statistics::addValue);
      return new Spread(statistics.getPercentile(50), statistics.getPercentile(25),
          statistics.getPercentile(75));
    }

    /** Operations per minute: downloads per minute for download. */
    public double opsPerMinute() {
      return opsPerSecond * 60;
    }
  }

  /** Iterations a {@link Row#spread()} needs: with fewer the quartiles say nothing. */
  static final int SPREAD_FROM_ITERATIONS = 4;

  /**
   * The median of a benchmark's measured iterations and their quartiles, ops/s.
   *
   * @param medianPerSecond the median iteration's score
   * @param lowerQuartilePerSecond the 25th percentile
   * @param upperQuartilePerSecond the 75th percentile
   */
  public record Spread(double medianPerSecond, double lowerQuartilePerSecond,
      double upperQuartilePerSecond) {
    /** The interquartile range as a share of the median (0.06 for 6 %); NaN for a 0 median. */
    public double relativeRange() {
      return medianPerSecond > 0
          ? (upperQuartilePerSecond - lowerQuartilePerSecond) / medianPerSecond : Double.NaN;
    }
  }

  /**
   * Reads the JMH files (one per rank count; K from {@code params.ranks}, else from the file name
   * {@code jmh-<K>r.json}) and merges them. A file given twice is read once; an empty JSON array
   * adds nothing, so no files give an empty report.
   *
   * @throws IllegalArgumentException with a one-line message naming the file, for a file that is
   *     not JMH JSON, a result that is not a throughput, a result without a rank count, or two
   *     results for the same benchmark, K and device
   */
  public static BenchReport read(List<Path> jmhJsonFiles) throws IOException {
    Set<Path> files = new LinkedHashSet<>();
    for (Path file : jmhJsonFiles) {
      files.add(file.toAbsolutePath().normalize());
    }
    Map<List<Object>, JmhFile.Result> merged = new LinkedHashMap<>();
    for (Path file : files) {
      for (JmhFile.Result result : JmhFile.read(file)) {
        JmhFile.Result earlier = merged.putIfAbsent(
            List.of(result.benchmark(), result.ranks(), result.device()), result);
        if (earlier != null) {
          throw duplicate(earlier, result);
        }
      }
    }
    Map<List<Object>, Double> pingPong = new HashMap<>();
    for (JmhFile.Result result : merged.values()) {
      if (result.benchmark().equals(PING_PONG)) {
        pingPong.put(List.of(result.ranks(), result.device()), result.opsPerSecond());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (JmhFile.Result result : merged.values()) {
      Double reference = pingPong.get(List.of(result.ranks(), result.device()));
      Double perPingPong = result.benchmark().equals(PING_PONG) || reference == null
          || !(result.opsPerSecond() > 0) ? null : reference / result.opsPerSecond();
      rows.add(new Row(result.benchmark(), result.ranks(), result.device(),
          result.opsPerSecond(), result.errorOpsPerSecond(), perPingPong,
          result.secondaryPerSecond(), result.kernelRun(), result.iterationsPerSecond()));
    }
    return new BenchReport(rows);
  }

  private static IllegalArgumentException duplicate(JmhFile.Result first, JmhFile.Result second) {
    Set<String> differing = new TreeSet<>();
    Set<String> keys = new TreeSet<>(first.params().keySet());
    keys.addAll(second.params().keySet());
    for (String key : keys) {
      if (!Objects.equals(first.params().get(key), second.params().get(key))) {
        differing.add(key);
      }
    }
    return new IllegalArgumentException("two results for " + first.benchmark() + " at "
        + first.ranks() + " ranks on " + first.device() + ": " + where(first, differing)
        + " and " + where(second, differing)
        + "; give one result per benchmark and rank count (one JMH file per K)");
  }

  private static String where(JmhFile.Result result, Set<String> params) {
    Map<String, String> shown = new TreeMap<>();
    for (String key : params) {
      shown.put(key, result.params().getOrDefault(key, "(none)"));
    }
    return result.jmhName() + (shown.isEmpty() ? "" : " " + shown) + " in " + result.file();
  }

  /** Every row, sorted by benchmark, then K, then device. */
  public List<Row> rows() {
    return rows;
  }

  /** Whether there are no results at all. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Every K with a result, ascending. */
  public List<Integer> rankCounts() {
    return List.copyOf(new TreeSet<>(rows.stream().map(Row::ranks).toList()));
  }

  /** Every device with a result, sorted. */
  public List<String> devices() {
    return List.copyOf(new TreeSet<>(rows.stream().map(Row::device).toList()));
  }

  /**
   * The name of {@code row}'s line in tables and charts: the benchmark, followed by the device in
   * parentheses when the report holds more than one device.
   */
  public String label(Row row) {
    return devices().size() > 1 ? row.benchmark() + " (" + row.device() + ")" : row.benchmark();
  }

  /** Every secondary metric of any row, sorted by name. */
  public List<String> secondaryMetrics() {
    Set<String> names = new TreeSet<>();
    rows.forEach(row -> names.addAll(row.secondaryPerSecond().keySet()));
    return List.copyOf(names);
  }

  /** The CSV's columns: {@link #CSV_COLUMNS}, then {@code <secondary>_per_s} for each metric. */
  public List<String> csvColumns() {
    List<String> columns = new ArrayList<>(CSV_COLUMNS);
    for (String metric : secondaryMetrics()) {
      columns.add(metric.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") + "_per_s");
    }
    return List.copyOf(columns);
  }

  /**
   * Writes the rows as CSV ({@link #csvColumns}), one line per row in {@link #rows} order, numbers
   * to six significant digits without grouping or exponent, an empty field for a missing value.
   */
  public void writeCsv(Path file) throws IOException {
    TextFiles.write(file, csv());
  }

  /** The CSV text, as {@link #writeCsv} writes it. */
  String csv() {
    List<String> metrics = secondaryMetrics();
    List<List<String>> cells = new ArrayList<>();
    for (Row row : rows) {
      List<String> fields = new ArrayList<>(List.of(row.benchmark(),
          Integer.toString(row.ranks()), row.device(), Figures.file(row.opsPerSecond()),
          Figures.file(row.errorOpsPerSecond()),
          row.perPingPong() == null ? "" : Figures.file(row.perPingPong())));
      for (String metric : metrics) {
        Double value = row.secondaryPerSecond().get(metric);
        fields.add(value == null ? "" : Figures.file(value));
      }
      cells.add(fields);
    }
    return String.join("\n", Reporter.CSV.lines(new Table(csvColumns(), cells))) + "\n";
  }

  /**
   * Writes a Markdown page: the throughput table (benchmarks as rows, K as columns, cells such as
   * "812 ops/s ±3%"), the cost of each benchmark in ping-pongs with a line on how to read it, and
   * downloads per minute with the secondary rates (lines per second).
   */
  public void writeMarkdown(Path file) throws IOException {
    TextFiles.write(file, String.join("\n", markdown()) + "\n");
  }

  /** The Markdown page's lines, as {@link #writeMarkdown} writes them. */
  List<String> markdown() {
    List<String> lines = new ArrayList<>();
    lines.add("# " + TITLE);
    lines.add("");
    if (rows.isEmpty()) {
      lines.add("No benchmark results.");
      return lines;
    }
    lines.add("JMH throughput on " + devicesText() + ", by number of ranks K, in operations per"
        + " second; ± is JMH's score error (the half-width of its 99.9% confidence interval) as a"
        + " share of the score; – means no result. The baselines are " + PING_PONG
        + " (one MPI round trip between ranks 0 and 1) and " + ALLREDUCE
        + " (an Allreduce of one double over all ranks)."
        + (kernelRunNames().isEmpty() ? "" : " The kernel runs (" + String.join(", ",
            kernelRunNames()) + ") come last: one operation is one whole run of that kernel with"
            + " its default parameters on all K ranks, its property checked at the end."));
    lines.add("");
    lines.addAll(Reporter.MARKDOWN.lines(throughputTable("benchmark", "–")));
    String imprecision = imprecisionNote();
    if (imprecision != null) {
      lines.add("");
      lines.add(imprecision.replace(IMPRECISE_MARK, "**" + IMPRECISE_MARK + "**"));
    }
    Table spreads = spreadTable("benchmark", "–");
    if (spreads != null) {
      section(lines, "Median and spread", "The median of the measured iterations, ops/s, and"
          + " their interquartile range as a share of it. JMH's ± above is a 99.9% confidence"
          + " interval of the iterations' mean, which assumes them normal and widens with a few"
          + " stalled iterations; the median and quartiles do not.", spreads);
    }
    Table ratios = ratioTable("one … costs N ping-pongs", "–");
    lines.add("");
    lines.add("## In ping-pongs");
    lines.add("");
    if (ratios == null) {
      lines.add("No " + PING_PONG + " results (they need at least 2 ranks), so no ratios.");
    } else {
      lines.add(howToReadRatios());
      lines.add("");
      lines.addAll(Reporter.MARKDOWN.lines(ratios));
    }
    Table rates = ratesTable("rate", "–");
    if (rates != null) {
      section(lines, "Downloads and other rates", "Downloads per minute are the download score"
          + " × 60 (± as above); lines/s is JMH's secondary metric, lines received per second by"
          + " all ranks together" + (kernelRunNames().isEmpty() ? "." : "; messages/s, that of"
              + " the kernel runs, is the messages each kernel counted in its runs (its own count,"
              + " as in its result), per second."), rates);
    }
    return lines;
  }

  /** Appends a Markdown section: an empty line, its heading, its prose, an empty line, its table. */
  private static void section(List<String> lines, String heading, String prose, Table table) {
    lines.add("");
    lines.add("## " + heading);
    lines.add("");
    lines.add(prose);
    lines.add("");
    lines.addAll(Reporter.MARKDOWN.lines(table));
  }

  /**
   * The tables of {@link #writeMarkdown} as fixed-width lines for the console, without the prose:
   * throughput, then the ping-pong ratios, then the downloads per minute and secondary rates (each
   * only when there are such results), separated by empty lines.
   */
  public List<String> summaryLines() {
    List<String> lines = new ArrayList<>();
    if (rows.isEmpty()) {
      lines.add("no benchmark results");
      return lines;
    }
    lines.addAll(Reporter.CONSOLE.lines(throughputTable("ops/s, ± JMH error", "-")));
    String imprecision = imprecisionNote();
    if (imprecision != null) {
      lines.add(imprecision);
    }
    Table ratios = ratioTable("in ping-pongs", "-");
    if (ratios != null) {
      lines.add("");
      lines.addAll(Reporter.CONSOLE.lines(ratios));
    }
    Table rates = ratesTable("rates", "-");
    if (rates != null) {
      lines.add("");
      lines.addAll(Reporter.CONSOLE.lines(rates));
    }
    return List.copyOf(lines);
  }

  private String devicesText() {
    List<String> devices = devices();
    return devices.size() == 1 ? "the " + devices.get(0) + " device"
        : "the devices " + String.join(", ", devices);
  }

  /** Rows by label, sorted, the kernel runs last, each with its row per K. */
  private Map<String, Map<Integer, Row>> byLabel() {
    Map<String, Map<Integer, Row>> others = new TreeMap<>();
    Map<String, Map<Integer, Row>> kernelRuns = new TreeMap<>();
    for (Row row : rows) {
      (row.kernelRun() ? kernelRuns : others)
          .computeIfAbsent(label(row), label -> new TreeMap<>()).put(row.ranks(), row);
    }
    Map<String, Map<Integer, Row>> table = new LinkedHashMap<>(others);
    table.putAll(kernelRuns);
    return table;
  }

  /** The kernel cases of the kernel runs, sorted. */
  private List<String> kernelRunNames() {
    return List.copyOf(new TreeSet<>(rows.stream().filter(Row::kernelRun).map(Row::benchmark)
        .toList()));
  }

  private static String ranksHeader(int ranks) {
    return ranks == 1 ? "1 rank" : ranks + " ranks";
  }

  private static List<String> header(String first, List<Integer> ranks) {
    List<String> header = new ArrayList<>();
    header.add(first);
    ranks.forEach(k -> header.add(ranksHeader(k)));
    return header;
  }

  private static String withError(String figure, double relativeError) {
    return !Double.isFinite(relativeError) ? figure
        : figure + " ±" + Figures.percent(relativeError)
            + (relativeError > IMPRECISE_ABOVE ? " " + IMPRECISE_MARK : "");
  }

  /**
   * The line under the throughput table when some scores are imprecise (JMH's error above {@link
   * #IMPRECISE_ABOVE} of the score), or null when none is: such a score is flagged, not printed as
   * if it could be trusted.
   */
  String imprecisionNote() {
    long flagged = rows.stream().filter(r -> r.relativeError() > IMPRECISE_ABOVE).count();
    long scored = rows.stream().filter(r -> Double.isFinite(r.relativeError())).count();
    return flagged == 0 ? null : IMPRECISE_MARK + " " + flagged + " of " + scored + " scores"
        + " have a JMH error above ±" + Figures.percent(IMPRECISE_ABOVE) + " of the score: too"
        + " imprecise to compare runs by; more or longer iterations, or a quieter machine, narrow"
        + " it (docs/jmh.md)";
  }

  private Table throughputTable(String title, String none) {
    return byRankTable(title, none,
        row -> withError(Figures.people(row.opsPerSecond()) + " ops/s", row.relativeError()));
  }

  /**
   * Each benchmark's median iteration and interquartile range ("19,300 IQR 6%"); null when no row
   * has enough iterations.
   */
  private Table spreadTable(String title, String none) {
    if (rows.stream().allMatch(row -> row.spread() == null)) {
      return null;
    }
    return byRankTable(title, none, row -> {
      Spread spread = row.spread();
      return spread == null ? none : Figures.people(spread.medianPerSecond()) + " IQR "
          + Figures.percent(spread.relativeRange());
    });
  }

  /** Benchmarks down, K across, each cell what {@code cell} makes of that row ({@code none}: no row). */
  private Table byRankTable(String title, String none, Function<Row, String> cell) {
    List<Integer> ranks = rankCounts();
    List<List<String>> cells = new ArrayList<>();
    byLabel().forEach((label, byRanks) -> {
      List<String> line = new ArrayList<>();
      line.add(label);
      for (int k : ranks) {
        Row row = byRanks.get(k);
        line.add(row == null ? none : cell.apply(row));
      }
      cells.add(line);
    });
    return new Table(header(title, ranks), cells);
  }

  /** The ratio table over the K with a ping-pong; null when there is none. */
  private Table ratioTable(String title, String none) {
    List<Integer> ranks = List.copyOf(new TreeSet<>(rows.stream()
        .filter(row -> row.benchmark().equals(PING_PONG)).map(Row::ranks).toList()));
    if (ranks.isEmpty()) {
      return null;
    }
    List<List<String>> cells = new ArrayList<>();
    byLabel().forEach((label, byRanks) -> {
      if (byRanks.values().stream().anyMatch(row -> row.benchmark().equals(PING_PONG))) {
        return;
      }
      List<String> line = new ArrayList<>();
      line.add(label);
      for (int k : ranks) {
        Row row = byRanks.get(k);
        line.add(row == null || row.perPingPong() == null ? none
            : Figures.people(row.perPingPong()));
      }
      cells.add(line);
    });
    return cells.isEmpty() ? null : new Table(header(title, ranks), cells);
  }

  private String howToReadRatios() {
    Row example = rows.stream().filter(row -> row.perPingPong() != null && !row.isBaseline())
        .max(Comparator.comparingInt(Row::ranks)).orElse(null);
    if (example == null) {
      example = rows.stream().filter(row -> row.perPingPong() != null)
          .max(Comparator.comparingInt(Row::ranks)).orElseThrow();
    }
    boolean oneRankWithout = rankCounts().contains(1) && rows.stream()
        .noneMatch(row -> row.ranks() == 1 && row.benchmark().equals(PING_PONG));
    return "How to read it: at " + example.ranks() + " ranks one " + label(example) + " takes as"
        + " long as " + Figures.people(example.perPingPong()) + " ping-pongs (" + PING_PONG
        + " ops/s ÷ its ops/s, both at the same K)."
        + (oneRankWithout ? " There is no ratio at K = 1: " + PING_PONG + " needs 2 ranks." : "");
  }

  /** Downloads per minute and every secondary rate, one line each; null when there are none. */
  private Table ratesTable(String title, String none) {
    List<Integer> ranks = rankCounts();
    List<List<String>> cells = new ArrayList<>();
    byLabel().forEach((label, byRanks) -> {
      if (byRanks.values().stream().anyMatch(row -> row.benchmark().equals(DOWNLOAD))) {
        List<String> line = new ArrayList<>();
        line.add(label + ": downloads/min");
        for (int k : ranks) {
          Row row = byRanks.get(k);
          line.add(row == null ? none
              : withError(Figures.people(row.opsPerMinute()), row.relativeError()));
        }
        cells.add(line);
      }
      Set<String> metrics = new TreeSet<>();
      byRanks.values().forEach(row -> metrics.addAll(row.secondaryPerSecond().keySet()));
      for (String metric : metrics) {
        List<String> line = new ArrayList<>();
        line.add(label + ": " + metric + "/s");
        for (int k : ranks) {
          Row row = byRanks.get(k);
          Double value = row == null ? null : row.secondaryPerSecond().get(metric);
          line.add(value == null ? none : Figures.people(value));
        }
        cells.add(line);
      }
    });
    return cells.isEmpty() ? null : new Table(header(title, ranks), cells);
  }
}
