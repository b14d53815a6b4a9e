package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mpjbench.kernels.results.Preflight;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.charts.Charts;
import org.mpjbench.launcher.bench.SizeReport;
import org.mpjbench.launcher.charts.ResultFiles;
import org.mpjbench.launcher.charts.SizeCharts;
import org.mpjbench.launcher.runs.UserError;
import org.mpjbench.launcher.settings.ProjectFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mpjbench plot RESULTS... [--out DIR]}: draws the charts from result files alone, so that
 * runs made on other machines, or long ago, can be charted without running anything.
 */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Draws charts (PNG, 1000x600) from result files; only complete runs are drawn.",
      "",
      "download-lines-vs-time.png",
      "    distinct lines known to rank 0 against seconds, one line per rank count K:",
      "    the run with the median time T of the runs with K ranks",
      "download-speedup.png",
      "    speedup over 1 rank against K: measured, median T(1) / median T(K);",
      "    luck-free, K * median E(K) / median E(1), the luck of the draws divided",
      "    out; ideal, K; coupon-collector bound. Needs runs with 1 rank.",
      "berkeley-skew.png",
      "    true skew after each round (microseconds, log scale), the median per",
      "    round and rank count; 1-rank runs (skew 0) cannot be shown on a log scale",
      "kernels-messages.png",
      "    the algorithm kernels' messages per operation (sync, entry, lookup...)",
      "    against K, the medians of the runs; dashed, the textbook's counts:",
      "    ricart-agrawala 2(K-1), suzuki-kasami at most K",
      "kernels-latency.png",
      "    the algorithm kernels' median latency of one operation (ms, log scale)",
      "    against K, beside the MPI ping-pong measured in the same runs",
      "bench-latency-by-size.png, bench-bandwidth-by-size.png",
      "    from bench tables by message size (sizes.csv of 'bench', named or found",
      "    in a folder): one line per operation, K and device, so the tables of one",
      "    bench on several devices are drawn together",
      "",
      "A chart is drawn when the runs have data for it. The download runs must share",
      "device, line count, rate and burst. Prints each file written, and a note for",
      "each run, file or chart left out; a file in a folder that is not a result",
      "file is left out (named in a note) unless --strict.",
    })
public final class PlotCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "Result files (*.json),"
      + " bench tables by message size (sizes.csv), or folders searched for both"
      + " (recursively).")
  List<Path> results;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the charts go (default:"
      + " the project's plots/ folder).")
  Path out;

  /** The name of a bench's table by message size, as {@code bench} writes it. */
  private static final String SIZE_TABLE = "sizes.csv";

  @Option(names = "--strict", description = "Fail (exit 2) on any file in a RESULTS folder that"
      + " is not a result file, and on bench tables found there that cannot be drawn together,"
      + " instead of leaving them out with a note.")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    // Result files (JSON) and folders go to ResultFiles; a bench's sizes.csv, named or found in a
    // folder, is read as such.
    List<Path> runPaths = new ArrayList<>();
    List<Path> sizeTables = new ArrayList<>();
    boolean tablesFound = false;
    for (Path path : results) {
      if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".csv")) {
        sizeTables.add(path);
      } else {
        runPaths.add(path);
        List<Path> found = sizeTablesIn(path);
        sizeTables.addAll(found);
        tablesFound |= !found.isEmpty();
      }
    }
    List<ResultFiles.Loaded> loaded;
    List<String> leftOut = new ArrayList<>();
    SizeReport bySize;
    try {
      loaded = runPaths.isEmpty() ? List.of()
          : ResultFiles.loadFiles(runPaths, strict ? null : leftOut);
    } catch (IllegalArgumentException e) {
      throw new UserError(UserError.USAGE, e.getMessage());
    }
    try {
      bySize = SizeReport.readCsv(sizeTables);
    } catch (IllegalArgumentException e) {
      if (strict || !tablesFound) {
        throw new UserError(UserError.USAGE, e.getMessage());
      }
      // Tables found in folders (two benches of one device in results/, a damaged one) cost the
      // charts by size, not the others, as a damaged result file in a folder does.
      leftOut.add("the charts by message size: " + e.getMessage() + " (name the tables to draw"
          + " them)");
      bySize = SizeReport.of(List.of());
    }
    // One damaged file in a folder of runs does not cost the chart of the others; each is named.
    for (String problem : leftOut) {
      stdout.println("note: left out " + problem);
    }
    if (loaded.isEmpty() && sizeTables.isEmpty()) {
      stdout.flush();
      throw new UserError(UserError.USAGE, "no result files (*.json) nor bench tables"
          + " (sizes.csv) in " + String.join(", ", results.stream().map(Path::toString).toList()));
    }
    // Incomplete runs are noted here rather than by Charts, so that the note names the file.
    List<RunRecord> complete = new ArrayList<>();
    for (ResultFiles.Loaded file : loaded) {
      if ("complete".equals(file.run().status())) {
        complete.add(file.run());
      } else {
        stdout.println("note: skipped " + file.file() + ": status " + file.run().status()
            + " (only complete runs are plotted)");
      }
    }
    if (complete.isEmpty() && bySize.isEmpty()) {
      stdout.flush();
      throw new UserError(UserError.USAGE, !loaded.isEmpty() ? (loaded.size() == 1
          ? "nothing to plot: the one run read did not complete"
          : "nothing to plot: none of the " + loaded.size() + " runs read completed")
          : "nothing to plot: no rows read from " + String.join(", ",
              sizeTables.stream().map(Path::toString).toList()));
    }
    Path directory = outDirectory();
    try {
      Preflight.folder("--out", directory, Preflight.MIN_FREE_BYTES);
    } catch (IllegalArgumentException e) {
      stdout.flush();
      throw new UserError(UserError.USAGE, e.getMessage());
    }
    List<String> notes = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try {
      if (!complete.isEmpty()) {
        Charts.Rendering rendering = Charts.render(complete, directory);
        notes.addAll(rendering.notes());
        files.addAll(rendering.files());
      }
      if (!bySize.isEmpty()) {
        files.addAll(SizeCharts.writeAll(bySize, directory));
      }
    } catch (IllegalArgumentException e) {
      stdout.flush();
      throw new UserError(UserError.USAGE, e.getMessage());
    } catch (IOException e) {
      stdout.flush();
      throw new UserError(UserError.FAILED, "cannot write the charts to " + directory + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + ")");
    }
    for (String note : notes) {
      stdout.println("note: " + note);
    }
    for (Path file : files) {
      stdout.println(file);
    }
    stdout.flush();
    return 0;
  }

  /** The bench tables ({@code sizes.csv}) in {@code folder} and below; none for a file. */
  private static List<Path> sizeTablesIn(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(file -> file.getFileName().toString().equals(SIZE_TABLE))
          .filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** --out, else plots/ of the project (the launcher script says where it is), else ./plots. */
  Path outDirectory() {
    if (out != null) {
      return out;
    }
    return ProjectFolders.plots();
  }
}
