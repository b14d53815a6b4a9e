package org.mpjbench.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.mpjbench.kernels.results.Preflight;
import org.mpjbench.kernels.results.ResultWriter;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import org.mpjbench.launcher.charts.Charts;
import org.mpjbench.launcher.charts.ResultFiles;
import org.mpjbench.launcher.job.JobOutcome;
import org.mpjbench.launcher.mpj.Device;
import org.mpjbench.launcher.mpj.MachinesFile;
import org.mpjbench.launcher.report.KernelFigures;
import org.mpjbench.launcher.report.RunFigures;
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
 * {@code mpjbench sweep}: runs each kernel for each rank count, several times, then writes a CSV of
 * every run, renders the charts, and prints a table of medians. Each run is an ordinary {@code run}
 * with its own result file, so a sweep that stops halfway keeps every run it finished (and the CSV
 * rows written so far), and {@code mpjbench plot} can redraw the charts from the folder.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs kernels on several rank counts, draws their charts and prints the medians.",
      "Runs each kernel for each rank count, --repeat times, writes every result and a",
      "CSV under results/sweep-<time>/, renders plots/download-lines-vs-time.png,",
      "download-speedup.png, berkeley-skew.png, and for the algorithm kernels",
      "kernels-messages.png (messages per operation) and kernels-latency.png (median",
      "latency per operation), and prints the medians.",
    })
public final class SweepCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--kernels", paramLabel = "LIST", split = ",", defaultValue = "berkeley,download",
      description = "Kernels to run, or all (default: ${DEFAULT-VALUE}).")
  List<String> kernels;

  @Option(names = "--ranks", paramLabel = "LIST", split = ",",
      defaultValue = RunDefaults.RANK_COUNTS,
      description = "Rank counts (default: ${DEFAULT-VALUE}).")
  List<Integer> ranks;

  @Option(names = "--repeat", paramLabel = "M", defaultValue = "" + RunDefaults.SWEEP_REPEAT,
      description = "Runs per kernel and rank count, seeds 1 to M (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = RunDefaults.DEVICE,
      description = "multicore, niodev or hybdev (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--machines", paramLabel = "FILE", description = "niodev: the machines file.")
  Path machines;

  @CommandLine.Mixin PortOptions ports;

  @Option(names = "--results", paramLabel = "DIR",
      description = "Folder for the runs and sweep.csv (default: results/sweep-<time>/).")
  Path results;

  @Option(names = "--plots", paramLabel = "DIR",
      description = "Folder for the charts (default: plots/ of the project).")
  Path plots;

  @Option(names = "--lines", paramLabel = "N", defaultValue = "1000",
      description = "download: lines of the file (default: ${DEFAULT-VALUE}).")
  int lines;

  @Option(names = "--rate-per-second", paramLabel = "R", defaultValue = "250",
      description = "download: requests per second per connection (default: ${DEFAULT-VALUE}).")
  double ratePerSecond;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "20",
      description = "berkeley: rounds (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--timeout-s", paramLabel = "SECONDS",
      defaultValue = "" + RunDefaults.SWEEP_TIMEOUT_SECONDS,
      description = "Bound of each run (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--from", paramLabel = "RESULTS", split = ",", description = "Runs nothing:"
      + " the table, sweep.csv and charts of these result files or folders, e.g. of runs made"
      + " with mpjrun.sh and mpjbench-ranks.jar (docs/standalone.md).")
  List<Path> from;

  /** The device, once {@link #validate} has read it. */
  private Device parsedDevice;

  /** The options that only runs the sweep makes use; --from makes none. */
  private static final List<String> RUN_OPTIONS = List.of("--kernels", "--ranks", "--repeat",
      "--device", "--machines", "--lines", "--rate-per-second", "--rounds", "--timeout-s",
      "--daemon-port", "--port-manager-port", "--starter-port");

  @Override
  public Integer call() throws IOException {
    if (from != null) {
      return fromFiles();
    }
    List<String> chosen = validate();
    Folders folders = folders();
    Path folder = folders.results();
    Path plotFolder = folders.plots();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path csv = folder.resolve("sweep.csv");
    SweepCsv.start(csv);

    int total = chosen.size() * ranks.size() * repeat;
    List<RunRecord> records = new ArrayList<>();
    List<RunFigures> figures = new ArrayList<>();
    int failures = 0;
    boolean interactive = System.console() != null;
    // Ctrl-C or SIGTERM: the run's own hook (KernelRun) stops the run and writes its partial
    // record; the hold keeps the JVM from exiting until that run's row is in sweep.csv.
    try (InterruptHold hold = InterruptHold.open("mpjbench-sweep-interrupt");
        ProgressBar bar = interactive ? bar(total) : null) {
      int index = 0;
      for (String kernel : chosen) {
        // Once per kernel, not per run: which of the sweep's settings and whether a seed it takes.
        KernelDescriptor<?, ?> descriptor = Kernels.byName(kernel).orElseThrow();
        List<String> kernelArguments = kernelSettings(descriptor);
        boolean seeded = Runs.takes(descriptor, "--seed");
        for (int rankCount : ranks) {
          for (int seed = 1; seed <= repeat; seed++) {
            index++;
            String label = String.format(Locale.ROOT, "[%d/%d] %s -np %d, seed %d", index, total,
                kernel, rankCount, seed);
            if (hold.interrupted()) {
              err.println("mpjbench: sweep interrupted before " + label);
              return RunOutcome.INTERRUPTED_EXIT;
            }
            if (bar != null) {
              bar.setExtraMessage(" " + kernel + " -np " + rankCount + " #" + seed);
            }
            RunOutcome<?> outcome =
                runOne(descriptor, kernelArguments, seeded ? seed : 0, rankCount, folder, err);
            RunRecord record = outcome.record();
            Path file = outcome.file();
            RunFigures run = file == null ? null : figures(record, label, err);
            SweepCsv.append(csv, SweepCsv.row(kernel, rankCount, seed,
                seeded ? Integer.toString(seed) : "", file == null ? null : record,
                file == null ? null : file.getFileName().toString(), run));
            if (run != null) {
              figures.add(run);
            }
            if (outcome.exitCode() == RunOutcome.INTERRUPTED_EXIT || hold.interrupted()) {
              err.println("mpjbench: sweep interrupted at " + label);
              return RunOutcome.INTERRUPTED_EXIT;
            }
            if (!outcome.complete()) {
              failures++;
              err.println("mpjbench: " + label + " failed: " + outcome.problem());
            } else {
              records.add(record);
            }
            if (bar != null) {
              bar.step();
            } else {
              out.println(label + ": " + (!outcome.complete() ? "FAILED" : run != null
                  ? run.brief() : record.status()));
              out.flush();
            }
          }
        }
      }
    }
    out.println("runs and sweep.csv in " + folder);
    chartsAndTable(records, figures, plotFolder);
    if (failures > 0) {
      err.println("mpjbench: " + failures + " of " + total + " runs failed");
      return UserError.FAILED;
    }
    return 0;
  }

  /**
   * {@code --from}: the sweep's table, CSV and charts of runs made elsewhere, read from their
   * result files; each run's row names its file. Nothing is run.
   */
  private int fromFiles() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> leftOut = new ArrayList<>();
    List<ResultFiles.Loaded> loaded;
    try {
      loaded = ResultFiles.loadFiles(from, leftOut);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--from: " + e.getMessage());
    }
    if (loaded.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--from: no result files"
          + " (*.json) in " + String.join(", ", from.stream().map(Path::toString).toList()));
    }
    List<String> given = RUN_OPTIONS.stream()
        .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
    if (!given.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--from reads runs made"
          + " before; " + String.join(", ", given) + " only shape runs the sweep makes");
    }
    Folders folders = folders();
    Path folder = folders.results();
    Path plotFolder = folders.plots();
    for (String problem : leftOut) {
      out.println("note: left out " + problem);
    }
    Path csv = folder.resolve("sweep.csv");
    SweepCsv.start(csv);
    List<RunFigures> figures = new ArrayList<>();
    List<RunRecord> complete = new ArrayList<>();
    Map<String, Integer> repeats = new java.util.HashMap<>();
    for (ResultFiles.Loaded file : ordered(loaded)) {
      RunRecord record = file.run();
      RunFigures run = figures(record, file.file().toString(), spec.commandLine().getErr());
      if (run == null) {
        continue; // said why
      }
      int repeat = repeats.merge(record.kernel() + "/" + record.ranks(), 1, Integer::sum);
      JsonNode seed = record.parameters() == null ? null : record.parameters().get("seed");
      SweepCsv.append(csv, SweepCsv.row(record.kernel(), record.ranks(), repeat,
          seed != null && seed.isIntegralNumber() ? seed.asText() : "", record,
          file.file().toAbsolutePath().normalize().toString(), run));
      figures.add(run);
      if (run.complete()) {
        complete.add(record);
      }
    }
    out.println(figures.size() + " runs read; sweep.csv in " + folder);
    chartsAndTable(complete, figures, plotFolder);
    return 0;
  }

  /**
   * The end of a sweep, run or read: the charts of the complete runs {@code records} (none drawn,
   * with a line saying why, when they cannot be), then the table of every run's figures.
   */
  private void chartsAndTable(List<RunRecord> records, List<RunFigures> figures, Path plotFolder)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!records.isEmpty()) {
      try {
        for (Path chart : Charts.renderAll(records, plotFolder)) {
          out.println("chart " + chart);
        }
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("mpjbench: no chart drawn: " + e.getMessage());
      }
    }
    SweepTable.print(out, figures);
    out.flush();
  }

  /** Where the sweep writes: its results folder and its charts' folder. */
  private record Folders(Path results, Path plots) {}

  /**
   * The results folder (writable, without a {@code sweep.csv} of someone else's) and the charts'
   * folder, checked before anything is written: bad ones are one line and exit code 2.
   */
  private Folders folders() {
    Path folder = results != null ? results : defaultResults();
    Path plotFolder = plots != null ? plots : defaultPlots();
    try {
      new ResultWriter(folder).checkWritable();
      Preflight.noneExist("results folder", folder, "sweep.csv");
      Preflight.folder("plots folder", plotFolder, Preflight.MIN_FREE_BYTES);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new Folders(folder, plotFolder);
  }

  /** By kernel (the registry's order), rank count, then start time. */
  private static List<ResultFiles.Loaded> ordered(List<ResultFiles.Loaded> loaded) {
    List<String> order = Kernels.all().stream().map(KernelDescriptor::name).toList();
    java.util.function.ToIntFunction<ResultFiles.Loaded> place = f -> {
      int index = order.indexOf(f.run().kernel());
      return index < 0 ? Integer.MAX_VALUE : index; // kernels of no registry last
    };
    return loaded.stream().sorted(java.util.Comparator.comparingInt(place)
        .thenComparingInt(f -> f.run().ranks())
        .thenComparing(f -> f.run().startTime(), java.util.Comparator.nullsLast(
            java.util.Comparator.naturalOrder())))
        .toList();
  }

  private List<String> validate() {
    List<String> chosen = new ArrayList<>();
    if (kernels.size() == 1 && kernels.get(0).strip().equals("all")) {
      Kernels.all().forEach(kernel -> chosen.add(kernel.name()));
    }
    for (String name : chosen.isEmpty() ? kernels : List.<String>of()) {
      chosen.add(Kernels.byName(name.strip()).map(KernelDescriptor::name).orElseThrow(() ->
          new CommandLine.ParameterException(spec.commandLine(), "unknown kernel '" + name
              + "' in --kernels; known kernels: " + RunCommand.kernelNames())));
    }
    if (ranks.isEmpty() || ranks.stream().anyMatch(k -> k == null || k < 1
        || k > RunDefaults.MAX_RANKS)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--ranks must list rank counts from 1 to " + RunDefaults.MAX_RANKS + ", got " + ranks);
    }
    if (repeat < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--repeat must be at least 1, got " + repeat);
    }
    // Every run gets the same values: check them once here, as a run checks them (RunSettings),
    // so that bad input is one line and exit code 2, not a sweep of failed runs.
    try {
      parsedDevice = RunSettings.device(device);
      settings(ranks.stream().mapToInt(Integer::intValue).max().orElse(1), Path.of("."));
      String problem = kernelSettingsProblem(chosen);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (machines != null) {
        MachinesFile.read(machines);
      }
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return chosen;
  }

  /**
   * The sweep's settings of kernel options, each passed to every kernel whose {@code run} command
   * has that option (today --rounds to Berkeley, --lines and --rate-per-second to the download);
   * the other kernels run their defaults.
   */
  private Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("--rounds", Integer.toString(rounds));
    settings.put("--lines", Integer.toString(lines));
    settings.put("--rate-per-second", Double.toString(ratePerSecond));
    return settings;
  }

  /** The sweep's settings that {@code kernel} takes, as arguments of its {@code run} command. */
  private List<String> kernelSettings(KernelDescriptor<?, ?> kernel) {
    List<String> args = new ArrayList<>();
    settings().forEach((option, value) -> {
      if (Runs.takes(kernel, option)) {
        args.addAll(List.of(option, value));
      }
    });
    return args;
  }

  /**
   * Each setting checked by the kernels that take it, as their runs would check it (with the most
   * ranks of the sweep where the kernel is swept), whether or not --kernels names them: a bad
   * --lines is an error even in a sweep of Berkeley alone.
   */
  private String kernelSettingsProblem(List<String> chosen) {
    int most = ranks.stream().mapToInt(Integer::intValue).max().orElse(1);
    for (KernelDescriptor<?, ?> kernel : Kernels.all()) {
      List<String> args = kernelSettings(kernel);
      String problem = args.isEmpty() ? null
          : KernelCommand.problem(kernel, args, chosen.contains(kernel.name()) ? most : 1);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /**
   * One run of the sweep, through the Java API: quiet (the sweep shows its own progress), its
   * result file in the sweep's folder, the sweep's settings that the kernel takes, and {@code
   * --seed} when {@code seed} is above 0 (a kernel without randomness, file-ipc, takes none: its
   * repeats are plain repeats). A run that cannot start (a daemon gone) is an outcome without a
   * file, so the sweep goes on.
   */
  private RunOutcome<?> runOne(KernelDescriptor<?, ?> descriptor, List<String> sweepArguments,
      int seed, int rankCount, Path folder, PrintWriter err) throws IOException {
    List<String> kernelArguments = new ArrayList<>(sweepArguments);
    if (seed > 0) {
      kernelArguments.addAll(List.of("--seed", Integer.toString(seed)));
    }
    try {
      return Runs.run(descriptor, kernelArguments, settings(rankCount, folder), err);
    } catch (UserError | IllegalArgumentException e) {
      return new RunOutcome<>(JobOutcome.Status.FAILED, null, null, null, List.of(),
          e.getMessage());
    }
  }

  /** The settings of the sweep's run on {@code rankCount} ranks: quiet, the sweep's values. */
  private RunSettings settings(int rankCount, Path folder) {
    return RunSettings.builder().ranks(rankCount).device(parsedDevice).machines(machines)
        .ports(ports.daemonPort, ports.mpjPorts())
        .protocolSwitchBytes(ports.protocolSwitchBytes).results(folder)
        .timeoutSeconds(timeoutSeconds)
        .quiet(true).build();
  }

  /** The run's figures; null, with a line saying why, when its result cannot be read. */
  private static RunFigures figures(RunRecord record, String label, PrintWriter err) {
    try {
      return KernelFigures.of(record);
    } catch (IllegalArgumentException e) {
      err.println("mpjbench: " + label + ": " + e.getMessage());
      return null;
    }
  }

  private static ProgressBar bar(int total) {
    return new ProgressBarBuilder().setTaskName("sweep").setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(500).build();
  }

  private static Path defaultResults() {
    return ProjectFolders.results().resolve("sweep-" + STAMP.format(Instant.now()));
  }

  private static Path defaultPlots() {
    return ProjectFolders.plots();
  }
}
