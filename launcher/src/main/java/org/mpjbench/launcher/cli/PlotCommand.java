package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.results.Preflight;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.launcher.charts.Charts;
import org.mpjbench.launcher.charts.ResultFiles;
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
      "",
      "A chart is drawn when the runs have data for it. The download runs must share",
      "device, line count, rate and burst. Prints each file written, and a note for",
      "each run, file or chart left out; a file in a folder that is not a result",
      "file is left out (named in a note) unless --strict.",
    })
public final class PlotCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "Result files (*.json), or"
      + " folders searched for them (recursively).")
  List<Path> results;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the charts go (default:"
      + " the project's plots/ folder).")
  Path out;

  @Option(names = "--strict", description = "Fail (exit 2) on any file in a RESULTS folder that"
      + " is not a result file, instead of leaving it out with a note.")
  boolean strict;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    List<ResultFiles.Loaded> loaded;
    List<String> leftOut = new ArrayList<>();
    try {
      loaded = ResultFiles.loadFiles(results, strict ? null : leftOut);
    } catch (IllegalArgumentException e) {
      throw new UserError(UserError.USAGE, e.getMessage());
    }
    // One damaged file in a folder of runs does not cost the chart of the others; each is named.
    for (String problem : leftOut) {
      stdout.println("note: left out " + problem);
    }
    if (loaded.isEmpty()) {
      stdout.flush();
      throw new UserError(UserError.USAGE, "no result files (*.json) in " + String.join(", ",
          results.stream().map(Path::toString).toList()));
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
    if (complete.isEmpty()) {
      stdout.flush();
      throw new UserError(UserError.USAGE, loaded.size() == 1
          ? "nothing to plot: the one run read did not complete"
          : "nothing to plot: none of the " + loaded.size() + " runs read completed");
    }
    Path directory = outDirectory();
    try {
      Preflight.folder("--out", directory, Preflight.MIN_FREE_BYTES);
    } catch (IllegalArgumentException e) {
      stdout.flush();
      throw new UserError(UserError.USAGE, e.getMessage());
    }
    Charts.Rendering rendering;
    try {
      rendering = Charts.render(complete, directory);
    } catch (IllegalArgumentException e) {
      stdout.flush();
      throw new UserError(UserError.USAGE, e.getMessage());
    } catch (IOException e) {
      stdout.flush();
      throw new UserError(UserError.FAILED, "cannot write the charts to " + directory + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + ")");
    }
    for (String note : rendering.notes()) {
      stdout.println("note: " + note);
    }
    for (Path file : rendering.files()) {
      stdout.println(file);
    }
    stdout.flush();
    return 0;
  }

  /** --out, else plots/ of the project (the launcher script says where it is), else ./plots. */
  Path outDirectory() {
    if (out != null) {
      return out;
    }
    return ProjectFolders.plots();
  }
}
