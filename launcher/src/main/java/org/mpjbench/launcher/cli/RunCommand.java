package org.mpjbench.launcher.cli;

import java.util.stream.Collectors;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mpjbench run <kernel>}: runs one kernel once; each kernel is a subcommand. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one kernel as MPJ Express ranks, prints a summary and writes a JSON result file.",
      "Multicore (one JVM, one thread per rank) by default; --device niodev for a cluster."
    },
    subcommands = {JmhCommand.class})
public final class RunCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a kernel to run: " + kernelNames());
  }

  /** Adds a subcommand for every kernel of the registry ({@link Kernels}) to {@code run}. */
  static void addKernels(CommandLine run) {
    for (KernelDescriptor<?, ?> kernel : Kernels.all()) {
      run.addSubcommand(kernel.name(), KernelCommand.of(kernel));
    }
  }

  /** The kernels' names, comma-separated. */
  static String kernelNames() {
    return Kernels.all().stream().map(KernelDescriptor::name).collect(Collectors.joining(", "));
  }
}
