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
      "Runs one kernel as MPJ Express ranks, prints a summary, writes a JSON result.",
      "By default multicore (one JVM, a thread per rank); --device niodev on a cluster."
    })
public final class RunCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a kernel to run: " + kernelNames());
  }

  /**
   * Adds {@code run}'s subcommands: {@code jmh}, then one for every kernel of the registry ({@link
   * Kernels}). With {@code kernel} the exact name of a registered kernel, only that kernel's: a
   * run builds the options of the kernel it runs, not of every kernel (docs/startup.md). Anything
   * else ({@code jmh}, an option, an unknown name, null) gets them all, and the same help and
   * errors as ever.
   */
  static void addSubcommands(CommandLine run, String kernel) {
    // Only the kernels registered before it are made (Kernels.loadOne); the name must match
    // exactly, as picocli matches subcommands: "run Berkeley" gets the whole tree and its error.
    KernelDescriptor<?, ?> only = kernel == null ? null
        : Kernels.loadOne(kernel).filter(k -> k.name().equals(kernel)).orElse(null);
    if (only != null) {
      run.addSubcommand(only.name(), KernelCommand.of(only));
      return;
    }
    run.addSubcommand(JmhCommand.class);
    for (KernelDescriptor<?, ?> k : Kernels.all()) {
      run.addSubcommand(k.name(), KernelCommand.of(k));
    }
  }

  /** The kernels' names, comma-separated. */
  static String kernelNames() {
    return Kernels.all().stream().map(KernelDescriptor::name).collect(Collectors.joining(", "));
  }
}
