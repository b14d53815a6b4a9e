package org.mpjbench.kernels.election;

import java.util.ArrayList;
import java.util.List;
import org.mpjbench.kernels.spi.KernelOptions;
import picocli.CommandLine.Option;

/**
 * The options the election kernels share ({@code ring}, {@code bully}), mixed into each one's
 * {@code run} subcommand; {@link ElectionSummary} has the lines their summaries share.
 */
public final class ElectionOptions implements KernelOptions<ElectionParameters> {
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
   * The parameters, checked against the number of ranks too.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  @Override
  public ElectionParameters parameters(int ranks) {
    ElectionParameters parameters =
        new ElectionParameters(crashRanks(crash), initiator, timeoutMs, seed);
    parameters.setupFor(Math.max(ranks, 1));
    return parameters;
  }

  /** {@code null} (the default) stays null, "none" or "" is no crash, else a list of ranks. */
  public static List<Integer> crashRanks(String text) {
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
}
