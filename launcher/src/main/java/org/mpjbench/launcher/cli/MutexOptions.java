package org.mpjbench.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mutex.MutexFigures;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options the mutual-exclusion kernels share ({@code suzuki-kasami}, {@code
 * ricart-agrawala}), and the summary lines they share.
 */
final class MutexOptions {
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

  /** The parameters, or a ParameterException naming the option at fault. */
  MutexParameters parameters(CommandLine.Model.CommandSpec spec) {
    try {
      return new MutexParameters(entries, holdUs, thinkUs, seed, unsafe, stallTimeoutMs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The summary lines both kernels print: headline, property, waiting. */
  static List<String> summary(String kernel, RunRecord record, PropertyCheck check,
      MutexFigures figures, MutexParameters parameters) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s: %d ranks, %s, %d entries per rank in %.2f s",
        kernel, record.ranks(), record.device(), parameters.entries(),
        record.wallTimeSeconds()));
    lines.add("  property     " + check.property() + ": " + (check.holds() ? "holds" : "VIOLATED")
        + " (" + check.detail() + ")");
    lines.add(String.format(Locale.ROOT,
        "  waiting      median %s, max %s per entry (holding: %s); %,.0f entries/s",
        Units.nanos(figures.medianWaitNanos()), Units.nanos(figures.maxWaitNanos()),
        Units.nanos(figures.holdNanos()), figures.entriesPerSecond()));
    return lines;
  }
}
