package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mpjbench.benchmarks.BenchParameters;
import org.mpjbench.benchmarks.BenchProgram;
import org.mpjbench.benchmarks.BenchProgramFactory;
import org.mpjbench.benchmarks.KernelCase;
import org.mpjbench.kernels.results.Preflight;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.HostName;
import org.mpjbench.launcher.bench.BenchReport;
import org.mpjbench.launcher.charts.ThroughputChart;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.runs.RunSettings;
import org.mpjbench.launcher.runs.UserError;
import org.mpjbench.launcher.settings.ProjectFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mpjbench bench}: the JMH matrix. For each rank count it runs the harness on real MPJ ranks
 * (JMH inside rank 0, the others in lockstep; see the benchmarks module), keeps JMH's JSON as
 * {@code jmh-<K>r.json}, and then merges them into {@code bench.csv} and {@code bench.md} and
 * renders {@code plots/throughput.png} and {@code plots/kernel-throughput.png}.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Times every kernel with JMH on 1, 2, 3 and 4 real MPJ ranks, beside an MPI ping-pong and an",
      "Allreduce measured on the same ranks in the same run. Writes JMH's JSON per rank count,",
      "bench.csv and bench.md under results/bench-<time>/, plots/throughput.png and",
      "plots/kernel-throughput.png (the kernel runs).",
    })
public final class BenchCommand implements Callable<Integer> {
  /** Every benchmark: the session benchmarks, the baselines and every kernel case. */
  static final String DEFAULT_BENCHMARKS = "berkeley-round,download,ping-pong,allreduce,kernels";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--ranks", paramLabel = "LIST", split = ",", defaultValue = "1,2,3,4",
      description = "Rank counts (default: ${DEFAULT-VALUE}).")
  List<Integer> ranks;

  @Option(names = "--quick", description = "Short iterations, for smoke tests.")
  boolean quick;

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
    if (ranks.isEmpty() || ranks.stream().anyMatch(k -> k == null || k < 1 || k > 256)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--ranks must list rank counts from 1 to 256, got " + ranks);
    }
    try {
      BenchParameters.expand(List.of(benchmarks.split(",", -1)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Path folder = results != null ? results : home("results").resolve("bench-"
        + STAMP.format(Instant.now()));
    Path plotFolder = plots != null ? plots : home("plots");
    try {
      validate();
      new ResultWriter(folder).checkWritable();
      List<String> tables = new ArrayList<>(List.of("bench.csv", "bench.md"));
      ranks.forEach(k -> tables.add("jmh-" + k + "r.json"));
      Preflight.noneExist("results folder", folder, tables.toArray(String[]::new));
      Preflight.folder("plots folder", plotFolder, Preflight.MIN_FREE_BYTES);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> jmhFiles = new ArrayList<>();
    long startNanos = System.nanoTime();
    for (int k : ranks) {
      Set<Path> before = jsonFiles(folder);
      StringWriter runErr = new StringWriter();
      int exit = runHarness(k, folder, runErr);
      if (exit != 0) {
        err.print(runErr);
        err.println("mpjbench: bench stopped: the JMH run on " + k + " ranks failed");
        err.flush();
        return exit;
      }
      Path record = jsonFiles(folder).stream().filter(p -> !before.contains(p)).findFirst()
          .orElseThrow(() -> new UserError(UserError.FAILED, "the JMH run on " + k
              + " ranks wrote no result file"));
      RunRecord run = ResultWriter.read(record);
      String artifact = run.artifacts() == null ? null
          : run.artifacts().get(BenchProgram.JMH_ARTIFACT);
      if (artifact == null) {
        throw new UserError(UserError.FAILED, "the JMH run on " + k + " ranks returned no JSON");
      }
      Path jmh = folder.resolve("jmh-" + k + "r.json");
      Files.copy(record.resolveSibling(artifact), jmh); // checked absent before the first run
      jmhFiles.add(jmh);
      out.printf(Locale.ROOT, "[%d/%d] %d ranks done (%.0f s so far): %s%n", jmhFiles.size(),
          ranks.size(), k, (System.nanoTime() - startNanos) / 1e9, jmh);
      out.flush();
    }
    BenchReport report = BenchReport.read(jmhFiles);
    Path csv = folder.resolve("bench.csv");
    Path markdown = folder.resolve("bench.md");
    report.writeCsv(csv);
    report.writeMarkdown(markdown);
    List<Path> charts = ThroughputChart.writeAll(report, plotFolder);
    out.println("table " + csv + ", " + markdown);
    charts.forEach(chart -> out.println("chart " + chart));
    out.println();
    report.summaryLines().forEach(out::println);
    out.flush();
    return 0;
  }

  /**
   * The checks every JMH run would make, made once before the first: bad input is one line and
   * exit code 2, not a failed run. The values bench does not pass on are placeholders.
   */
  private void validate() {
    Device parsed = RunSettings.device(device);
    ports.validate();
    if (machines != null) {
      if (!parsed.usesDaemons()) {
        throw new IllegalArgumentException("--machines needs --device niodev or hybdev");
      }
      MachinesFile.read(machines);
    }
    if (serverHost != null) {
      HostName.require("--server-host", serverHost);
    }
    BenchParameters.Iterations any = new BenchParameters.Iterations(1, 1, 50);
    new BenchParameters(List.of(benchmarks.split(",", -1)), device, any, any,
        berkeleyToleranceUs == null ? 0 : berkeleyToleranceUs, 1, 1, 1, "127.0.0.1", false);
  }

  private int runHarness(int k, Path folder, StringWriter runErr) {
    List<String> args = new ArrayList<>(List.of("run", BenchProgramFactory.NAME, "-np",
        Integer.toString(k), "--device", device, "--results", folder.toString(), "-q",
        "--benchmarks", benchmarks));
    if (quick) {
      args.add("--quick");
    }
    if (machines != null) {
      args.addAll(List.of("--machines", machines.toString()));
    }
    args.addAll(ports.asArguments());
    if (serverHost != null) {
      args.addAll(List.of("--server-host", serverHost));
    }
    if (mutexUnsafe) {
      args.add("--mutex-unsafe");
    }
    if (berkeleyToleranceUs != null) {
      args.addAll(List.of("--berkeley-tolerance-us", Double.toString(berkeleyToleranceUs)));
    }
    CommandLine commandLine = MpjBenchCommand.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setErr(new PrintWriter(runErr, true));
    return commandLine.execute(args.toArray(String[]::new));
  }

  private static Set<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return new HashSet<>(files.filter(p -> p.getFileName().toString().endsWith(".json"))
          // Run records only: not our copies of JMH's JSON, nor the runs' own artifacts.
          .filter(p -> !p.getFileName().toString().matches("jmh-\\d+r\\.json"))
          .filter(p -> !p.getFileName().toString().endsWith("." + BenchProgram.JMH_ARTIFACT))
          .toList());
    }
  }

  private static Path home(String folder) {
    return ProjectFolders.folder(folder);
  }
}
