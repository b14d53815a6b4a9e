package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.results.RunRecord;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.launcher.runs.RunOutcome;
import org.mpjbench.launcher.runs.Runs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code mpjbench run <kernel>} for a kernel that has a {@link KernelDescriptor}: one command class
 * for all of them, built from the descriptor (name, description, the kernel's options mixed in
 * after the run options, the standard help options last) with picocli's programmatic API.
 */
@Command(sortOptions = false)
final class KernelCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  private final KernelDescriptor<?, ?> kernel;
  private final KernelOptions<?> options;

  private KernelCommand(KernelDescriptor<?, ?> kernel, KernelOptions<?> options) {
    this.kernel = kernel;
    this.options = options;
  }

  /** The subcommand of {@code kernel}, ready to be added under {@code run}. */
  static CommandLine of(KernelDescriptor<?, ?> kernel) {
    KernelOptions<?> options = kernel.options();
    CommandLine line = new CommandLine(new KernelCommand(kernel, options));
    line.addMixin("kernel", options);
    CommandLine.Model.CommandSpec spec = line.getCommandSpec();
    spec.name(kernel.name());
    spec.usageMessage().description(kernel.description().toArray(String[]::new));
    spec.mixinStandardHelpOptions(true);
    return line;
  }

  /**
   * What is wrong with {@code args}, options of {@code kernel}'s {@code run} command, for a run of
   * {@code ranks} ranks: the one-line message {@code run} would print, or null when nothing is.
   * Nothing is started (the sweep checks its settings with this before its first run).
   */
  static String problem(KernelDescriptor<?, ?> kernel, List<String> args, int ranks) {
    try {
      Runs.options(kernel, args).parameters(ranks);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getCause() instanceof CommandLine.ParameterException parse ? parse.getMessage()
          : e.getMessage();
    }
  }

  @Override
  public Integer call() throws Exception {
    return execute(kernel);
  }

  private <P, R> int execute(KernelDescriptor<P, R> typed) throws IOException {
    @SuppressWarnings("unchecked") // options() of a KernelDescriptor<P, R> are KernelOptions<P>
    KernelOptions<P> typedOptions = (KernelOptions<P>) options;
    typedOptions.given(name -> spec.commandLine().getParseResult().hasMatchedOption(name));
    return runAndPrint(
        () -> Runs.run(typed, typedOptions, run.settings(), spec.commandLine().getErr()),
        spec.commandLine(), run.quiet);
  }

  /** A run a command makes: its outcome, or bad input as {@link IllegalArgumentException}. */
  @FunctionalInterface
  interface RunCall {
    /** Makes the run. */
    RunOutcome<?> call() throws IOException;
  }

  /**
   * Makes the run and prints how it ended ({@link #print}); returns the exit code. Bad input is a
   * usage error of {@code commandLine}. On Ctrl-C or SIGTERM the run's own hook stops the run and
   * writes its partial record, and an {@link InterruptHold} keeps the JVM until the outcome (where
   * that record went) is printed.
   */
  static int runAndPrint(RunCall call, CommandLine commandLine, boolean quiet) throws IOException {
    try (InterruptHold hold = InterruptHold.open("mpjbench-run-interrupt")) {
      RunOutcome<?> outcome;
      try {
        outcome = call.call();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(commandLine, e.getMessage());
      }
      return print(outcome, commandLine, quiet);
    }
  }

  /**
   * Prints how a run ended, as {@code run} does: the summary and the result file of a complete
   * run, else the problem (with its detail unless quiet) and where the partial result went.
   * Returns the exit code.
   */
  static int print(RunOutcome<?> outcome, CommandLine commandLine, boolean quiet) {
    if (outcome.complete()) {
      PrintWriter out = commandLine.getOut();
      outcome.summary().forEach(out::println);
      out.println("  result        " + Runs.display(outcome.file()));
      out.flush();
    } else if (outcome.file() != null) { // without a file, the runner printed the record
      PrintWriter err = commandLine.getErr();
      err.println("mpjbench: " + outcome.problem());
      RunRecord.Failure failure = outcome.record().error();
      if (failure != null && failure.detail() != null && !failure.detail().isBlank() && !quiet) {
        failure.detail().lines().limit(25).forEach(line -> err.println("    " + line));
      }
      int records = outcome.record().partialRecords() == null ? 0
          : outcome.record().partialRecords().size();
      err.println("mpjbench: partial result (" + records + " records) written to "
          + Runs.display(outcome.file()));
      err.flush();
    }
    return outcome.exitCode();
  }
}
