package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.benchmarks.BenchParameters;
import org.mpjbench.benchmarks.BenchProgram;
import org.mpjbench.benchmarks.KernelCase;
import org.mpjbench.benchmarks.MessageSizes;
import org.mpjbench.kernels.results.Preflight;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.bench.BenchReport;
import org.mpjbench.launcher.bench.NativeOutput;
import org.mpjbench.launcher.bench.NativeReference;
import org.mpjbench.launcher.bench.SizeReport;
import org.mpjbench.launcher.charts.SizeCharts;
import org.mpjbench.launcher.charts.ThroughputChart;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.runs.RunOutcome;
import org.mpjbench.launcher.runs.RunSettings;
import org.mpjbench.launcher.runs.Runs;
import org.mpjbench.launcher.runs.UserError;
import org.mpjbench.launcher.settings.ProjectFolders;
import org.mpjbench.launcher.settings.RunDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mpjbench bench}: the JMH matrix. For each rank count it runs the harness on real MPJ ranks
 * (JMH inside rank 0, the others in lockstep; see the benchmarks module), keeps JMH's JSON as
 * {@code jmh-<K>r.json}, and then merges them into {@code bench.csv} and {@code bench.md} and
 * renders {@code plots/throughput.png} and {@code plots/kernel-throughput.png}; the OSU-style
 * sweep by message size ({@code osu}) goes to {@code sizes-<K>r.json}, {@code sizes.csv}, {@code
 * sizes.md} and {@code plots/bench-latency-by-size.png}, {@code bench-bandwidth-by-size.png}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Times the kernels and MPI itself with JMH on real MPJ ranks.",
      "Times every kernel with JMH on 1, 2, 3 and 4 real MPJ ranks, beside an MPI",
      "ping-pong and an Allreduce measured on the same ranks in the same run. Writes",
      "JMH's JSON per rank count, bench.csv and bench.md under results/bench-<time>/,",
      "plots/throughput.png and plots/kernel-throughput.png (the kernel runs); with",
      "'osu', OSU-style latency and bandwidth by message size (--sizes) in sizes.csv,",
      "sizes.md and plots/bench-latency-by-size.png, plots/bench-bandwidth-by-size.png;",
      "with --native, the same latency and Allreduce sweep in C against Open MPI beside",
      "them (native-openmpi).",
    })
public final class BenchCommand implements Callable<Integer> {
  /** Every benchmark: the session benchmarks, the baselines and every kernel case. */
  static final String DEFAULT_BENCHMARKS =
      "berkeley-round,download,ping-pong,allreduce,osu,kernels";

  /** The time per operation and message size of the osu sweep with --quick. */
  static final long QUICK_SIZE_MILLIS = 10;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--ranks", paramLabel = "LIST", split = ",", defaultValue = "1,2,3,4",
      description = "Rank counts (default: ${DEFAULT-VALUE}).")
  List<Integer> ranks;

  @Option(names = "--quick", description = "Short iterations, for smoke tests.")
  boolean quick;

  @Option(names = "--iterations", paramLabel = "N", description = JmhCommand.ITERATIONS_HELP)
  Integer iterations;

  @Option(names = "--benchmarks", paramLabel = "LIST", defaultValue = DEFAULT_BENCHMARKS,
      completionCandidates = KernelCaseNames.class,
      description = {"Benchmarks to run (default: ${DEFAULT-VALUE}). 'kernels' stands for the"
          + " kernel cases: ${COMPLETION-CANDIDATES} (one operation: one default run of the"
          + " kernel), any of which can be named alone."})
  String benchmarks;

  /** The kernel cases of the registry's kernels, in its order, for the help of --benchmarks. */
  static final class KernelCaseNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return KernelCase.NAMES.iterator();
    }
  }

  @Option(names = "--sizes", paramLabel = "LIST", defaultValue = MessageSizes.DEFAULT_TEXT,
      description = {"Message sizes in bytes of the 'osu' benchmarks, 1 to 67108864: sizes and"
          + " ranges FROM:TO of the powers of two between (default: ${DEFAULT-VALUE}, 1 B to"
          + " 1 MiB), e.g. 1,8,1024 or 1:65536. Each size of each operation is timed for "
          + BenchParameters.SIZE_MILLIS + " ms (" + QUICK_SIZE_MILLIS + " ms with --quick)."})
  String sizes;

  @Option(names = "--native", description = {"With 'osu': also the ping-pong and Allreduce"
      + " latency by message size in C against Debian's Open MPI (native/osu_native.c, mpirun"
      + " on this machine, the bench's rank counts from 2), device " + NativeReference.DEVICE
      + " in sizes.csv and the charts. Installs libopenmpi-dev and openmpi-bin with apt-get"
      + " when missing (as root)."})
  boolean nativeReference;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "multicore",
      description = "multicore, niodev or hybdev (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--machines", paramLabel = "FILE", description = "niodev: the machines file.")
  Path machines;

  @CommandLine.Mixin PortOptions ports;

  @Option(names = "--server-host", paramLabel = "ADDRESS",
      description = "Address of rank 0's host for the download benchmark's line server (default:"
          + " 127.0.0.1; give rank 0's address on a cluster).")
  String serverHost;

  @Option(names = "--berkeley-tolerance-us", paramLabel = "US",
      description = "Tolerance of the Berkeley average (0 breaks the benchmark's check on"
          + " purpose, to see it fail).")
  Double berkeleyToleranceUs;

  @Option(names = "--mutex-unsafe", description = "The mutual-exclusion kernels enter without"
      + " permission (breaks their check on purpose, to see it fail).")
  boolean mutexUnsafe;

  @Option(names = "--results", paramLabel = "DIR",
      description = "Folder for JMH's JSON and the merged table (default: results/bench-<time>/).")
  Path results;

  @Option(names = "--plots", paramLabel = "DIR",
      description = "Folder for the charts (default: plots/ of the project).")
  Path plots;

  @Override
  public Integer call() throws IOException {
    if (ranks.isEmpty() || ranks.stream().anyMatch(k -> k == null || k < 1
        || k > RunDefaults.MAX_RANKS)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--ranks must list rank counts from 1 to " + RunDefaults.MAX_RANKS + ", got " + ranks);
    }
    try {
      BenchParameters.expand(List.of(benchmarks.split(",", -1)));
      MessageSizes.parse(sizes);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Path folder = results != null ? results : home("results").resolve("bench-"
        + STAMP.format(Instant.now()));
    Path plotFolder = plots != null ? plots : home("plots");
    try {
      validate();
      new ResultWriter(folder).checkWritable();
      List<String> tables = new ArrayList<>(List.of("bench.csv", "bench.md", "sizes.csv",
          "sizes.md"));
      ranks.forEach(k -> tables.add("jmh-" + k + "r.json"));
      ranks.forEach(k -> tables.add("sizes-" + k + "r.json"));
      nativeRanks().forEach(k -> tables.add(nativeFile(k)));
      Preflight.noneExist("results folder", folder, tables.toArray(String[]::new));
      Preflight.folder("plots folder", plotFolder, Preflight.MIN_FREE_BYTES);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> jmhFiles = new ArrayList<>();
    List<Path> sizeFiles = new ArrayList<>();
    long startNanos = System.nanoTime();
    BenchParameters parameters = harnessParameters();
    long nativeNanos = 0;
    NativeReference reference = null;
    if (nativeReference) {
      // Before the MPJ runs: a missing compiler is one line now, not after minutes.
      long nativeStart = System.nanoTime();
      out.println("native reference: " + NativeReference.source() + " (mpicc, cache "
          + NativeReference.cacheFolder() + ")");
      out.flush();
      reference = NativeReference.prepare(NativeReference.source(),
          NativeReference.cacheFolder());
      nativeNanos += System.nanoTime() - nativeStart;
    }
    // Ctrl-C or SIGTERM: the JMH run's own hook stops it and writes its partial record; the hold
    // keeps the JVM until the bench has said where that went and which rank counts are done.
    try (InterruptHold hold = InterruptHold.open("mpjbench-bench-interrupt")) {
      for (int k : ranks) {
        if (hold.interrupted()) {
          err.println("mpjbench: bench interrupted before the JMH run on " + k + " ranks; "
              + done(jmhFiles, folder));
          err.flush();
          return RunOutcome.INTERRUPTED_EXIT;
        }
        RunOutcome<?> outcome = JmhCommand.run(parameters, settings(k, folder), err);
        if (!outcome.complete()) {
          if (outcome.file() != null) {
            err.println("mpjbench: " + outcome.problem());
            err.println("mpjbench: partial result written to " + Runs.display(outcome.file()));
          }
          err.println(outcome.exitCode() == RunOutcome.INTERRUPTED_EXIT || hold.interrupted()
              ? "mpjbench: bench interrupted during the JMH run on " + k + " ranks; "
                  + done(jmhFiles, folder)
              : "mpjbench: bench stopped: the JMH run on " + k + " ranks failed");
          err.flush();
          return outcome.exitCode();
        }
        RunRecord run = outcome.record();
        String artifact = run.artifacts() == null ? null
            : run.artifacts().get(BenchProgram.JMH_ARTIFACT);
        if (artifact == null) {
          throw new UserError(UserError.FAILED, "the JMH run on " + k
              + " ranks returned no JSON");
        }
        Path jmh = folder.resolve("jmh-" + k + "r.json");
        // Checked absent before the first run.
        Files.copy(outcome.file().resolveSibling(artifact), jmh);
        jmhFiles.add(jmh);
        String sizesArtifact = run.artifacts().get(BenchProgram.SIZES_ARTIFACT);
        if (sizesArtifact != null) {
          Path sizeFile = folder.resolve("sizes-" + k + "r.json");
          Files.copy(outcome.file().resolveSibling(sizesArtifact), sizeFile);
          sizeFiles.add(sizeFile);
        }
        out.printf(Locale.ROOT, "[%d/%d] %d ranks done (%.0f s so far): %s%n", jmhFiles.size(),
            ranks.size(), k, (System.nanoTime() - startNanos) / 1e9, jmh);
        out.flush();
      }
    }
    if (reference != null) {
      long nativeStart = System.nanoTime();
      for (int k : nativeRanks()) {
        List<SizeReport.Row> rows = reference.run(k, parameters.sizeMillis(),
            parameters.sizes());
        Path file = folder.resolve(nativeFile(k));
        NativeOutput.writeJson(file, k, rows);
        sizeFiles.add(file);
        out.printf(Locale.ROOT, "[native] %d ranks done (%.0f s so far): %s%n", k,
            (System.nanoTime() - startNanos) / 1e9, file);
        out.flush();
      }
      nativeNanos += System.nanoTime() - nativeStart;
    }
    BenchReport report = BenchReport.read(jmhFiles);
    Path csv = folder.resolve("bench.csv");
    Path markdown = folder.resolve("bench.md");
    report.writeCsv(csv);
    report.writeMarkdown(markdown);
    List<Path> charts = new ArrayList<>(report.isEmpty() ? List.of()
        : ThroughputChart.writeAll(report, plotFolder));
    out.println("table " + csv + ", " + markdown);
    SizeReport bySize = SizeReport.read(sizeFiles);
    if (!sizeFiles.isEmpty()) {
      Path sizesCsv = folder.resolve("sizes.csv");
      Path sizesMarkdown = folder.resolve("sizes.md");
      bySize.writeCsv(sizesCsv);
      bySize.writeMarkdown(sizesMarkdown);
      out.println("table " + sizesCsv + ", " + sizesMarkdown);
      if (!bySize.isEmpty()) {
        charts.addAll(SizeCharts.writeAll(bySize, plotFolder));
      }
    }
    charts.forEach(chart -> out.println("chart " + chart));
    out.println();
    if (!report.isEmpty()) {
      report.summaryLines().forEach(out::println);
    }
    if (!bySize.isEmpty()) {
      if (!report.isEmpty()) {
        out.println();
      }
      bySize.summaryLines().forEach(out::println);
    }
    if (reference != null) {
      out.printf(Locale.ROOT, "native reference took %.1f s%n", nativeNanos / 1e9);
    }
    out.printf(Locale.ROOT, "bench took %.0f s%n", (System.nanoTime() - startNanos) / 1e9);
    out.flush();
    return 0;
  }

  /**
   * The checks every JMH run would make, made once before the first: bad input is one line and
   * exit code 2, not a failed run.
   */
  private void validate() {
    settings(ranks.get(0), Path.of(".")); // device, machines, ports, as a run checks them
    if (machines != null) {
      MachinesFile.read(machines);
    }
    harnessParameters();
    if (nativeReference) {
      if (!harnessParameters().sizeSweep()) {
        throw new IllegalArgumentException("--native needs the '" + BenchParameters.OSU
            + "' benchmark in --benchmarks, got '" + benchmarks + "'");
      }
      if (nativeRanks().isEmpty()) {
        throw new IllegalArgumentException("--native needs a rank count of 2 or more in --ranks,"
            + " got " + ranks);
      }
    }
  }

  /** What an interrupted bench keeps: the JMH files of the rank counts done, in {@code folder}. */
  private static String done(List<Path> jmhFiles, Path folder) {
    return jmhFiles.isEmpty() ? "no rank count done" : jmhFiles.size() + " rank count"
        + (jmhFiles.size() == 1 ? "" : "s") + " done, JMH's JSON in " + folder;
  }

  /** The rank counts of the native reference: the bench's from 2 (ping-pong needs two). */
  private List<Integer> nativeRanks() {
    return ranks.stream().filter(k -> k >= 2).distinct().toList();
  }

  /** The native reference's rows on {@code k} ranks, as the sweep's JSON. */
  static String nativeFile(int k) {
    return "sizes-native-" + k + "r.json";
  }

  /** What every JMH run of the bench is given: the chosen benchmarks and the options. */
  private BenchParameters harnessParameters() {
    return JmhCommand.parameters(List.of(benchmarks.split(",", -1)), device, quick, iterations,
        berkeleyToleranceUs == null ? JmhCommand.BERKELEY_TOLERANCE_US : berkeleyToleranceUs,
        JmhCommand.BERKELEY_SKEW_BOUND_US, JmhCommand.DOWNLOAD_LINES,
        JmhCommand.DOWNLOAD_RATE_PER_SECOND, serverHost == null ? JmhCommand.SERVER_HOST
            : serverHost, mutexUnsafe)
        .withSizes(MessageSizes.parse(sizes),
            quick ? QUICK_SIZE_MILLIS : BenchParameters.SIZE_MILLIS);
  }

  /** The settings of the JMH run on {@code k} ranks: quiet, JMH's time-out, the bench's ports. */
  private RunSettings settings(int k, Path folder) {
    return RunSettings.builder().ranks(k).device(RunSettings.device(device)).machines(machines)
        .ports(ports.daemonPort, ports.mpjPorts())
        .protocolSwitchBytes(ports.protocolSwitchBytes).results(folder)
        .timeoutSeconds(RunDefaults.JMH_TIMEOUT_SECONDS).quiet(true).build();
  }

  private static Path home(String folder) {
    return ProjectFolders.folder(folder);
  }
}
