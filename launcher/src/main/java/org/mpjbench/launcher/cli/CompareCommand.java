package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.results.Preflight;
import org.mpjbench.launcher.compare.Bootstrap;
import org.mpjbench.launcher.compare.CompareFiles;
import org.mpjbench.launcher.compare.Comparison;
import org.mpjbench.launcher.compare.ResultFolder;
import org.mpjbench.launcher.report.Reporter;
import org.mpjbench.launcher.runs.UserError;
import org.mpjbench.launcher.settings.ProjectFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mpjbench compare A B}: two sweeps or two benches side by side, each shared figure's ratio
 * B/A with a bootstrap interval and a verdict; a thin shell around {@link Comparison}.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares two sweeps or two benches: ratios, confidence intervals and verdicts.",
      "Compares two result folders of the same kind: two sweeps (their sweep.csv, a",
      "sample per run) or two benches (their jmh-<K>r.json, a sample per JMH",
      "measurement iteration). For each figure both have (kernel or benchmark, rank",
      "count, column): the medians of A and B, the ratio B/A with a 95 %%",
      "percentile-bootstrap interval, and a verdict: faster, slower, or no difference",
      "(the interval holds 1). A time or skew is faster when lower, a rate or a score",
      "when higher. A side with one sample has no interval: 'no difference' unless",
      "--fail-if-slower's threshold is passed. Writes compare.csv, compare.md and",
      "compare-ratios.png into --out.",
      "",
      "Exit codes: 0 compared; 1 a figure slower beyond --fail-if-slower; 2 bad input.",
    })
public final class CompareCommand implements Callable<Integer> {
  /** The most resamples: a million take about a second per figure. */
  static final int MAX_RESAMPLES = 1_000_000;
  /** The fewest resamples that give a 95 % interval worth the name. */
  static final int MIN_RESAMPLES = 1_000;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "The reference folder (a sweep's or a"
      + " bench's).")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "The folder compared with it.")
  Path b;

  @Option(names = "--fail-if-slower", paramLabel = "PCT", description = "Exit 1 when a figure of"
      + " B is significantly slower than A's by more than PCT percent (for CI).")
  Double failIfSlowerPercent;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for compare.csv, compare.md"
      + " and the chart; must not hold them already (default: results/compare-<time>/).")
  Path out;

  @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
      description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "" + Bootstrap.DEFAULT_SEED,
      description = "Seed of the bootstrap, so that a comparison repeats exactly (default:"
          + " ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    if (failIfSlowerPercent != null && (!Double.isFinite(failIfSlowerPercent)
        || failIfSlowerPercent < 0 || failIfSlowerPercent > 10_000)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--fail-if-slower must be a percentage from 0 to 10000, got " + failIfSlowerPercent);
    }
    if (resamples < MIN_RESAMPLES || resamples > MAX_RESAMPLES) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--resamples must be from "
          + MIN_RESAMPLES + " to " + MAX_RESAMPLES + ", got " + resamples);
    }
    Comparison comparison;
    Path folder = out != null ? out
        : ProjectFolders.results().resolve("compare-" + STAMP.format(Instant.now()));
    try {
      ResultFolder first = ResultFolder.read(a);
      ResultFolder second = ResultFolder.read(b);
      comparison = Comparison.of(first, second, resamples, seed, failIfSlowerPercent);
      // Never over a file of the user's, such as an earlier comparison's in the folder named.
      Preflight.noneExist("--out folder", folder, CompareFiles.NAMES.toArray(String[]::new));
      Preflight.folder("--out folder", folder, Preflight.MIN_FREE_BYTES);
    } catch (IllegalArgumentException e) {
      throw new UserError(UserError.USAGE, e.getMessage());
    }
    List<Path> files = CompareFiles.write(comparison, folder);
    PrintWriter stdout = spec.commandLine().getOut();
    CompareFiles.header(comparison).forEach(stdout::println);
    stdout.println();
    Reporter.CONSOLE.lines(comparison.table(false)).forEach(stdout::println);
    stdout.println();
    files.forEach(file -> stdout.println("wrote " + file));
    stdout.println("verdicts: " + CompareFiles.summary(comparison));
    stdout.flush();
    if (failIfSlowerPercent != null) {
      List<Comparison.Row> slower = comparison.slowerThan(failIfSlowerPercent);
      if (!slower.isEmpty()) {
        Comparison.Row worst = slower.get(0);
        PrintWriter stderr = spec.commandLine().getErr();
        stderr.println(String.format(Locale.ROOT, "mpjbench: %d %s slower than A by more than"
            + " %s %% (first: %s at %d ranks, %s, ratio B/A %s)", slower.size(),
            slower.size() == 1 ? "figure of B is" : "figures of B are",
            plain(failIfSlowerPercent), worst.subject().name(), worst.subject().ranks(),
            worst.subject().figure(), plain(worst.ratio().ratio())));
        stderr.flush();
        return UserError.FAILED;
      }
    }
    return 0;
  }

  private static String plain(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(3))
        .stripTrailingZeros().toPlainString();
  }
}
