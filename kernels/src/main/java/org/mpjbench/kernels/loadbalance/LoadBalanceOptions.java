package org.mpjbench.kernels.loadbalance;

import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.kernels.spi.MessageTimeout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code mpjbench run load-balance}, mixed into its subcommand in this order. */
public final class LoadBalanceOptions implements KernelOptions<LoadBalanceParameters> {
  private static final LoadBalanceParameters D = LoadBalanceParameters.DEFAULTS;

  @Option(names = "--tasks", paramLabel = "N", description = "Tasks in the stream"
      + " (default: ${DEFAULT-VALUE}).")
  int tasks = D.tasks();

  @Option(names = "--mean-task-us", paramLabel = "US", description = "Mean task cost in"
      + " microseconds (default: ${DEFAULT-VALUE}).")
  long meanTaskUs = D.meanTaskUs();

  @Option(names = "--policy", paramLabel = "POLICY", description = "round-robin, least-loaded,"
      + " work-stealing, or all in turn (default: ${DEFAULT-VALUE}).")
  String policy = D.policy();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the task costs"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Mixin MessageTimeout timeout = new MessageTimeout(D.timeoutMs());

  /**
   * The parameters (the number of ranks does not limit them: with 1 rank, rank 0 works alone).
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public LoadBalanceParameters parameters(int ranks) {
    return new LoadBalanceParameters(tasks, meanTaskUs, policy, seed, timeout.timeoutMs());
  }
}
