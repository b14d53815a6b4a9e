package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.results.Results;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelFixture;
import org.mpjbench.kernels.spi.KernelOptions;
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
    KernelOptions<?> options = kernel.options();
    CommandLine line = new CommandLine(options);
    try {
      CommandLine.ParseResult parsed = line.parseArgs(args.toArray(String[]::new));
      options.given(parsed::hasMatchedOption);
      options.parameters(ranks);
      return null;
    } catch (CommandLine.ParameterException | IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** Whether {@code kernel}'s {@code run} command has an option named {@code option}. */
  static boolean takes(KernelDescriptor<?, ?> kernel, String option) {
    return new CommandLine(kernel.options()).getCommandSpec().findOption(option) != null;
  }

  @Override
  public Integer call() throws Exception {
    return execute(kernel);
  }

  private <P, R> int execute(KernelDescriptor<P, R> typed) throws Exception {
    @SuppressWarnings("unchecked") // options() of a KernelDescriptor<P, R> are KernelOptions<P>
    KernelOptions<P> typedOptions = (KernelOptions<P>) options;
    // The kernel's options first: bad input must fail before KernelRun looks for MPJ.
    P parameters;
    KernelFixture<P> fixture;
    typedOptions.given(name -> spec.commandLine().getParseResult().hasMatchedOption(name));
    try {
      parameters = typedOptions.parameters(run.ranks);
      fixture = typedOptions.fixture(run.ranks);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (fixture == null) {
      return new KernelRun(spec, run, typed.name()).execute(parameters,
          progress(typed, parameters), (record, file) -> Results.summary(typed, record, file, null));
    }
    try (fixture) {
      run.artifactBytes = fixture.artifactBytes(); // stored beside the result: room checked first
      KernelRun kernelRun = new KernelRun(spec, run, typed.name());
      try {
        parameters = fixture.start(kernelRun.rankFacingAddress(), kernelRun.rankFacingHost());
      } catch (IOException e) {
        throw new UserError(UserError.FAILED, e.getMessage());
      }
      if (!run.quiet) {
        fixture.notes().forEach(note -> spec.commandLine().getErr().println("mpjbench: " + note));
      }
      return kernelRun.execute(parameters, progress(typed, parameters),
          (record, file) -> Results.summary(typed, record, file, fixture));
    }
  }

  private static <P> KernelRun.Progress progress(KernelDescriptor<P, ?> typed, P parameters) {
    return new KernelRun.Progress(typed.progressTotal(parameters), typed::progressPosition);
  }
}
