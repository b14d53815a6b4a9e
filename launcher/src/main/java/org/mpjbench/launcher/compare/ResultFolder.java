package org.mpjbench.launcher.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mpjbench.launcher.bench.JmhIterations;
import org.mpjbench.launcher.report.CsvLines;
import org.mpjbench.launcher.report.KernelFigures;

/**
 * A result folder read for a comparison: the samples of every figure, per kernel or benchmark and
 * rank count. A sweep folder is read from its {@code sweep.csv} (one sample per complete run, the
 * runs' JSON records are not needed); a bench folder from its JMH JSON files (one sample per
 * measurement iteration).
 *
 * @param folder the folder
 * @param kind sweep or bench
 * @param samples the samples of each figure, in the order first met
 * @param devices the MPJ devices the folder names (bench: JMH's parameter; sweep: the run
 *     records' file names), for the header; empty when none is named
 */
public record ResultFolder(Path folder, Kind kind, Map<Subject, double[]> samples,
    Set<String> devices) {

  /** The name of a sweep's table. */
  public static final String SWEEP_CSV = "sweep.csv";
  /**
   * Figures every kernel's row of {@code sweep.csv} may fill, besides the kernels' own: the median
   * latency, its tail (P99; sweeps written before it have no such column) and the rate.
   */
  static final List<String> SHARED_FIGURES =
      List.of("median_latency_ns", "latency_p99_ns", "ops_per_s");
  /** Own columns that are no measurement: the download's coupon-collector bound. */
  static final Set<String> NOT_MEASURED = Set.of("bound_s");
  /** A run record's file name, which carries the device: {@code ring-4r-niodev-20261122T...}. */
  private static final Pattern RECORD_NAME = Pattern.compile("-\\d+r-([a-z]+)-\\d{8}T");

  /** What a folder holds. */
  public enum Kind {
    /** {@code mpjbench sweep}: {@code sweep.csv}, a sample per run. */
    SWEEP("sweep", "the repeated runs"),
    /** {@code mpjbench bench}: JMH JSON, a sample per measurement iteration. */
    BENCH("bench", "the JMH measurement iterations");

    private final String word;
    private final String samplesAre;

    Kind(String word, String samplesAre) {
      this.word = word;
      this.samplesAre = samplesAre;
    }

    /** "sweep" or "bench". */
    @Override
    public String toString() {
      return word;
    }

    /** What one sample is, for "bootstrap over ...". */
    public String samplesAre() {
      return samplesAre;
    }
  }

  /**
   * Reads {@code folder}: a sweep when it holds {@value #SWEEP_CSV}, else a bench when it holds
   * JMH JSON files ({@code jmh-<K>r.json}, or any {@code *.json} JMH wrote).
   *
   * @throws IllegalArgumentException with one line naming the folder when it does not exist, is
   *     a file, holds neither, or its table or JSON cannot be read
   */
  public static ResultFolder read(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      throw new IllegalArgumentException("result folder " + folder + " does not exist");
    }
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + " is a file, not a result folder (a sweep's"
          + " folder with " + SWEEP_CSV + ", or a bench's with jmh-<K>r.json)");
    }
    Path csv = folder.resolve(SWEEP_CSV);
    if (Files.isRegularFile(csv)) {
      return sweep(folder, csv);
    }
    List<Path> jmh;
    try (Stream<Path> files = Files.list(folder)) {
      jmh = files.filter(f -> f.getFileName().toString().matches("jmh-\\d+r\\.json"))
          .sorted().toList();
    }
    if (jmh.isEmpty()) {
      throw new IllegalArgumentException("result folder " + folder + " holds no sweep ("
          + SWEEP_CSV + ") and no bench (jmh-<K>r.json)");
    }
    return bench(folder, jmh);
  }

  /** The number of samples over all figures' rows, for the header. */
  public int rows() {
    return samples.size();
  }

  private static ResultFolder sweep(Path folder, Path csv) throws IOException {
    List<List<String>> lines = CsvLines.parse(csv,
        Files.readAllLines(csv, StandardCharsets.UTF_8));
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(csv + " is empty");
    }
    List<String> header = lines.get(0);
    int kernel = column(csv, header, "kernel");
    int ranks = column(csv, header, "ranks");
    int status = column(csv, header, "status");
    int resultFile = header.indexOf("result_file");
    Map<Subject, List<Double>> values = new LinkedHashMap<>();
    Set<String> devices = new TreeSet<>();
    for (int line = 1; line < lines.size(); line++) {
      List<String> row = lines.get(line);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(csv + ", line " + (line + 1) + ": " + row.size()
            + " cells under " + header.size() + " columns");
      }
      if (!"complete".equals(row.get(status))) {
        continue; // a failed run has no figures
      }
      if (resultFile >= 0) {
        device(row.get(resultFile)).ifPresent(devices::add);
      }
      String name = row.get(kernel);
      int k = ranks(csv, line, row.get(ranks));
      for (String figure : figures(name)) {
        int at = header.indexOf(figure);
        Direction direction = Direction.ofColumn(figure);
        if (at < 0 || direction == null || row.get(at).isEmpty()) {
          continue;
        }
        double value = number(csv, line, figure, row.get(at));
        values.computeIfAbsent(new Subject(name, k, figure, direction), s -> new ArrayList<>())
            .add(value);
      }
    }
    return new ResultFolder(folder, Kind.SWEEP, arrays(withoutRepeats(values)), devices);
  }

  /**
   * {@code values} without a shared figure that repeats, run by run, one of the kernel's own at
   * the same rank count (Berkeley's median latency is its median round): one row each.
   */
  private static Map<Subject, List<Double>> withoutRepeats(Map<Subject, List<Double>> values) {
    Map<Subject, List<Double>> kept = new LinkedHashMap<>();
    values.forEach((subject, samples) -> {
      boolean repeats = SHARED_FIGURES.contains(subject.figure()) && kept.entrySet().stream()
          .anyMatch(e -> e.getKey().name().equals(subject.name())
              && e.getKey().ranks() == subject.ranks()
              && e.getKey().direction() == subject.direction() && e.getValue().equals(samples));
      if (!repeats) {
        kept.put(subject, samples);
      }
    });
    return kept;
  }

  /**
   * The figure columns of kernel {@code name}: its own columns (those of an unknown kernel are not
   * known, so only the shared ones), then the shared ones.
   */
  private static List<String> figures(String name) {
    List<String> figures = new ArrayList<>();
    KernelFigures.byName(name).ifPresent(k -> k.columns().stream()
        .map(KernelFigures.Column::name).filter(c -> !NOT_MEASURED.contains(c))
        .forEach(figures::add));
    SHARED_FIGURES.stream().filter(f -> !figures.contains(f)).forEach(figures::add);
    return figures;
  }

  private static ResultFolder bench(Path folder, List<Path> files) throws IOException {
    Map<Subject, List<Double>> values = new LinkedHashMap<>();
    Set<String> devices = new TreeSet<>();
    for (JmhIterations.Scores scores : JmhIterations.read(files)) {
      if (!"unknown".equals(scores.device())) {
        devices.add(scores.device());
      }
      List<Double> iterations = scores.iterationsPerSecond().isEmpty()
          ? List.of(scores.scorePerSecond()) : scores.iterationsPerSecond();
      values.put(new Subject(scores.benchmark(), scores.ranks(), "ops_per_s",
          Direction.HIGHER_IS_FASTER), new ArrayList<>(iterations));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("result folder " + folder + ": its JMH files hold no"
          + " benchmark result");
    }
    return new ResultFolder(folder, Kind.BENCH, arrays(values), devices);
  }

  private static Map<Subject, double[]> arrays(Map<Subject, List<Double>> values) {
    Map<Subject, double[]> arrays = new LinkedHashMap<>();
    values.forEach((s, v) -> arrays.put(s, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return Collections.unmodifiableMap(arrays);
  }

  /** The device in a record's name, {@code berkeley-4r-niodev-20261122T035125Z.json}. */
  private static Optional<String> device(String resultFile) {
    Matcher m = RECORD_NAME.matcher(resultFile);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static int column(Path csv, List<String> header, String name) {
    int at = header.indexOf(name);
    if (at < 0) {
      throw new IllegalArgumentException(csv + " has no column '" + name
          + "': not a sweep's table");
    }
    return at;
  }

  private static int ranks(Path csv, int line, String cell) {
    try {
      int ranks = Integer.parseInt(cell);
      if (ranks > 0) {
        return ranks;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(csv + ", line " + (line + 1) + ": ranks '" + cell
        + "' is not a rank count");
  }

  private static double number(Path csv, int line, String column, String cell) {
    try {
      double value = Double.parseDouble(cell);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(csv + ", line " + (line + 1) + ": " + column + " '"
        + cell + "' is not a number");
  }
}
