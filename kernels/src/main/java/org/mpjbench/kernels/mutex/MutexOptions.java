package org.mpjbench.kernels.mutex;

import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Option;

/**
 * The options the mutual-exclusion kernels share ({@code suzuki-kasami}, {@code
 * ricart-agrawala}), mixed into each one's {@code run} subcommand; {@link MutexSummary} has the
 * summary lines and figures they share.
 */
public final class MutexOptions implements KernelOptions<MutexParameters> {
  private static final MutexParameters D = MutexParameters.DEFAULTS;

  @Option(names = "--entries", paramLabel = "N", description = "Critical-section entries per"
      + " rank (default: ${DEFAULT-VALUE}).")
  int entries = D.entries();

  @Option(names = "--hold-us", paramLabel = "US", description = "Time spent inside the critical"
      + " section per entry (default: ${DEFAULT-VALUE}).")
  long holdUs = D.holdUs();

  @Option(names = "--think-us", paramLabel = "US", description = "Mean time between entries,"
      + " jittered uniformly by +/- half from --seed (default: ${DEFAULT-VALUE}).")
  long thinkUs = D.thinkUs();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the think-time jitter"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--stall-timeout-ms", paramLabel = "MS", description = "A rank that makes no"
      + " progress for this long fails the run (default: ${DEFAULT-VALUE}).")
  long stallTimeoutMs = D.stallTimeoutMs();

  @Option(names = "--unsafe", description = "Broken on purpose: every rank enters without asking,"
      + " so the mutual-exclusion check fails and the run exits with 1.")
  boolean unsafe;

  /**
   * The parameters.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public MutexParameters parameters(int ranks) {
    return new MutexParameters(entries, holdUs, thinkUs, seed, unsafe, stallTimeoutMs);
  }
}
