package org.mpjbench.launcher.cli;

import java.util.concurrent.Callable;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.kernels.spi.RunInfo;
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

  @Override
  public Integer call() throws Exception {
    return execute(kernel);
  }

  private <P, R> int execute(KernelDescriptor<P, R> typed) throws Exception {
    // The kernel's options first: bad input must fail before KernelRun looks for MPJ.
    P parameters;
    try {
      parameters = typed.parametersType().cast(options.parameters(run.ranks));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, typed.name()).execute(parameters,
        new KernelRun.Progress(typed.progressTotal(parameters), typed::progressPosition),
        (record, file) -> typed.summary(
            ControlCodec.fromTree(record.parameters(), typed.parametersType()),
            ControlCodec.fromTree(record.result(), typed.resultType()),
            new RunInfo(record.ranks(), record.device(), record.wallTimeSeconds())));
  }
}
