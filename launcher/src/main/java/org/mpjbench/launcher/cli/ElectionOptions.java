package org.mpjbench.launcher.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.election.ElectionParameters;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options the election kernels share ({@code ring}, {@code bully}) and their common lines. */
final class ElectionOptions {
  private static final ElectionParameters D = ElectionParameters.DEFAULTS;

  @Option(names = "--crash", paramLabel = "RANKS", description = "Ranks that have crashed before"
      + " the election, e.g. 3 or 1,3; 'none' for no crash (default: the highest rank, the old"
      + " coordinator, with 2 ranks or more).")
  String crash;

  @Option(names = "--initiator", paramLabel = "RANK", description = "The live rank that notices"
      + " the coordinator is gone (default: drawn from --seed among the live ranks).")
  Integer initiator;

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "How long a rank waits for an"
      + " answer before deciding a peer is dead (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the initiator's draw"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  /**
   * The parameters, checked against the number of ranks too, or a ParameterException naming the
   * option at fault.
   */
  ElectionParameters parameters(CommandLine.Model.CommandSpec spec, int ranks) {
    try {
      ElectionParameters parameters =
          new ElectionParameters(crashRanks(crash), initiator, timeoutMs, seed);
      parameters.setupFor(Math.max(ranks, 1));
      return parameters;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** {@code null} (the default) stays null, "none" or "" is no crash, else a list of ranks. */
  static List<Integer> crashRanks(String text) {
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    List<Integer> ranks = new ArrayList<>();
    if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("none")) {
      return ranks;
    }
    for (String part : trimmed.split(",", -1)) {
      try {
        ranks.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--crash takes ranks separated by commas, or none; got '" + text + "'");
      }
    }
    return ranks;
  }

  /** The headline: kernel, ranks, device, who crashed, who started. */
  static String headline(String kernel, org.mpjbench.launcher.results.RunRecord record,
      List<Integer> crashed, int initiator) {
    return String.format(Locale.ROOT, "%s: %d ranks, %s, crashed %s, initiator %d, in %.2f s",
        kernel, record.ranks(), record.device(),
        crashed.isEmpty() ? "none" : String.join(",", crashed.stream().map(String::valueOf)
            .toList()), initiator, record.wallTimeSeconds());
  }

  /** The property line. */
  static String property(org.mpjbench.kernels.check.PropertyCheck check) {
    return "  property     " + check.property() + ": " + (check.holds() ? "holds" : "VIOLATED");
  }

  /** The latency line. */
  static String latency(long medianNanos, long maxNanos, long timeoutMs) {
    return "  latency      last live rank knew the coordinator after " + Units.nanos(maxNanos)
        + " (median " + Units.nanos(medianNanos) + "); timeout " + timeoutMs + " ms";
  }
}
