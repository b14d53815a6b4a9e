package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.benchmarks.BenchParameters;
import org.mpjbench.benchmarks.BenchParameters.Iterations;
import org.mpjbench.benchmarks.BenchProgramFactory;
import org.mpjbench.benchmarks.BenchResult;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.HostName;
import org.mpjbench.launcher.runs.RunOutcome;
import org.mpjbench.launcher.runs.RunSettings;
import org.mpjbench.launcher.runs.Runs;
import org.mpjbench.launcher.settings.RunDefaults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mpjbench run jmh}: one JMH run on N ranks (JMH inside rank 0, the others in lockstep).
 * {@code mpjbench bench} runs it for each rank count and merges the results; this command is the
 * building block, hidden from the usage list.
 */
@Command(
    name = BenchProgramFactory.NAME,
    hidden = true,
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Runs the JMH harness once on N MPJ ranks (see 'mpjbench bench').")
public final class JmhCommand implements Callable<Integer> {
  /** The fewest measured iterations --iterations takes: JMH gives no error for one. */
  static final int MIN_ITERATIONS = 2;
  /** The most: 1000 of 200 ms is over 3 minutes per benchmark and rank count. */
  static final int MAX_ITERATIONS = 1000;

  /** A smoke test's iterations. */
  private static final Iterations QUICK = new Iterations(1, 2, 300);
  /**
   * The session benchmarks' iterations: many short ones rather than a few long ones in the same
   * time (2 s of warm-up, 5 s measured). JMH's score error is the 99.9 % t-interval of the
   * iterations' mean, t(0.9995, n-1)/sqrt(n) times their spread: 3.85 times it with 5 iterations,
   * 0.75 times with 25, while the spread of 200 ms iterations is only about sqrt(5) times that of
   * 1 s ones (docs/jmh.md, "How precise").
   */
  private static final Iterations SESSION = new Iterations(10, 25, 200);
  /**
   * The kernel cases': fewer, as there are a dozen (JMH measures an iteration until the run in
   * progress ends, so a 200 ms election still counts whole): 0.4 s of warm-up, 3 s measured.
   */
  private static final Iterations KERNEL_RUNS = new Iterations(2, 15, 200);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--benchmarks", paramLabel = "LIST", split = ",",
      defaultValue = BenchCommand.DEFAULT_BENCHMARKS,
      description = "Benchmarks to run (default: ${DEFAULT-VALUE}); 'kernels' stands for every"
          + " kernel case.")
  List<String> benchmarks;

  @Option(names = "--quick", description = "A short run for smoke tests: 1 warm-up and 2"
      + " measured iterations of 300 ms (otherwise 10 and 25 of 200 ms, kernel cases 2 and 15"
      + " of 200 ms).")
  boolean quick;

  @Option(names = "--iterations", paramLabel = "N", description = ITERATIONS_HELP)
  Integer iterations;

  /** The help of --iterations, here and in 'bench'. */
  static final String ITERATIONS_HELP = "Measured iterations of every benchmark, "
      + MIN_ITERATIONS + " to " + MAX_ITERATIONS + " (default: 25, kernel cases 15; 2 with --quick): JMH's"
      + " error narrows as 1/sqrt(N), the run takes N times an iteration longer.";

  /** Default tolerance of the Berkeley benchmark's average: wide, so that no poll is left out. */
  static final double BERKELEY_TOLERANCE_US = 100_000;
  /** Default largest true skew the Berkeley benchmark's check accepts. */
  static final double BERKELEY_SKEW_BOUND_US = 1_000;
  /** Default lines of the download benchmark's file. */
  static final int DOWNLOAD_LINES = 100;
  /** Default rate of the download benchmark's line server. */
  static final double DOWNLOAD_RATE_PER_SECOND = 2_000;
  /** Default address of rank 0's line server in the download benchmark. */
  static final String SERVER_HOST = "127.0.0.1";

  @Option(names = "--berkeley-tolerance-us", paramLabel = "US",
      defaultValue = "" + BERKELEY_TOLERANCE_US,
      description = "Tolerance of the Berkeley average (default: ${DEFAULT-VALUE}; 0 breaks the"
          + " benchmark's check on purpose).")
  double berkeleyToleranceUs;

  @Option(names = "--berkeley-skew-bound-us", paramLabel = "US",
      defaultValue = "" + BERKELEY_SKEW_BOUND_US,
      description = "Largest true skew the Berkeley check accepts (default: ${DEFAULT-VALUE}).")
  double berkeleySkewBoundUs;

  @Option(names = "--download-lines", paramLabel = "N", defaultValue = "" + DOWNLOAD_LINES,
      description = "Lines of the download benchmark's file (default: ${DEFAULT-VALUE}).")
  int downloadLines;

  @Option(names = "--download-rate-per-second", paramLabel = "R",
      defaultValue = "" + DOWNLOAD_RATE_PER_SECOND,
      description = "The download benchmark server's rate (default: ${DEFAULT-VALUE}).")
  double downloadRatePerSecond;

  @Option(names = "--server-host", paramLabel = "ADDRESS", defaultValue = SERVER_HOST,
      description = "Address rank 0's line server binds to and the ranks reach it at (default:"
          + " ${DEFAULT-VALUE}; on a cluster, rank 0's host address).")
  String serverHost;

  @Option(names = "--mutex-unsafe", description = "The mutual-exclusion kernel cases enter"
      + " without permission (breaks their check on purpose).")
  boolean mutexUnsafe;

  @Override
  public Integer call() throws Exception {
    if (!spec.commandLine().getParseResult().hasMatchedOption("--timeout-s")) {
      // JMH takes its time; the run's default bound is for kernels.
      run.timeoutSeconds = RunDefaults.JMH_TIMEOUT_SECONDS;
    }
    return KernelCommand.runAndPrint(() -> run(parameters(benchmarks, run.device, quick,
        iterations, berkeleyToleranceUs, berkeleySkewBoundUs, downloadLines,
        downloadRatePerSecond, serverHost, mutexUnsafe), run.settings(),
        spec.commandLine().getErr()), spec.commandLine(), run.quiet);
  }

  /**
   * The harness's parameters: the benchmarks with their iterations (short ones when {@code
   * quick}; {@code measured} of them when not null) and the settings of the Berkeley and download
   * benchmarks.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  static BenchParameters parameters(List<String> benchmarks, String device, boolean quick,
      Integer measured, double berkeleyToleranceUs, double berkeleySkewBoundUs,
      int downloadLines, double downloadRatePerSecond, String serverHost, boolean mutexUnsafe) {
    HostName.require("--server-host", serverHost);
    if (measured != null && (measured < MIN_ITERATIONS || measured > MAX_ITERATIONS)) {
      throw new IllegalArgumentException("--iterations must be between " + MIN_ITERATIONS
          + " and " + MAX_ITERATIONS + ", got " + measured);
    }
    return new BenchParameters(benchmarks, device,
        measuring(quick ? QUICK : SESSION, measured), measuring(quick ? QUICK : KERNEL_RUNS,
            measured), berkeleyToleranceUs, berkeleySkewBoundUs, downloadLines,
        downloadRatePerSecond, serverHost, mutexUnsafe);
  }

  /** {@code plan} with {@code measured} measured iterations, or as it is when that is null. */
  private static Iterations measuring(Iterations plan, Integer measured) {
    return measured == null ? plan : new Iterations(plan.warmup(), measured, plan.millis());
  }

  /** One JMH run through the run API, its summary one line per benchmark. */
  static RunOutcome<BenchResult> run(BenchParameters parameters, RunSettings settings,
      PrintWriter err) throws IOException {
    return Runs.program(BenchProgramFactory.NAME, parameters, BenchResult.class, settings,
        JmhCommand::summary, err);
  }

  /** One line per benchmark. */
  static List<String> summary(RunRecord record, java.nio.file.Path file)
      throws java.io.IOException {
    BenchResult result = ControlCodec.fromTree(record.result(), BenchResult.class);
    List<String> lines = new ArrayList<>();
    lines.add("jmh: " + record.ranks() + " ranks, " + record.device());
    for (BenchResult.Score score : result.scores()) {
      String name = score.benchmark().replaceFirst("^org\\.mpjbench\\.benchmarks\\.", "");
      lines.add(String.format(Locale.ROOT, "  %-38s %,14.1f %s%s", name, score.score(),
          score.unit(), Double.isNaN(score.error()) ? ""
              : String.format(Locale.ROOT, " ± %.1f", score.error())));
    }
    return lines;
  }
}
