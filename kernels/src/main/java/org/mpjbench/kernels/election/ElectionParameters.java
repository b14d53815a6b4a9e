package org.mpjbench.kernels.election;

import java.util.List;
import java.util.TreeSet;
import org.mpjbench.kernels.spi.OptionChecks;

/**
 * Everything an election run (ring or bully) is told, with units in the names. Values are checked
 * when the record is made, so a bad one fails in the launcher with a message naming the option;
 * what depends on the number of ranks is checked by {@link #setupFor(int)}.
 *
 * @param crashRanks ranks that have crashed before the election (they ignore it but still take
 *     part in the final gather); null means the default, the highest rank (the old coordinator)
 *     when there are at least 2 ranks; an empty list means no crash
 * @param initiator the live rank that notices the coordinator is gone; null means drawn from
 *     {@code seed} among the live ranks
 * @param timeoutMs how long a rank waits for an answer before deciding a peer is dead
 * @param seed seed of the initiator's draw
 */
public record ElectionParameters(
    List<Integer> crashRanks, Integer initiator, long timeoutMs, long seed) {

  /** Longest timeout accepted: a minute; the election's hard bounds grow with it. */
  public static final long MAX_TIMEOUT_MS = 60_000;

  /** The defaults the launcher shows in {@code --help}. */
  public static final ElectionParameters DEFAULTS = new ElectionParameters(null, null, 200, 1L);

  /** Checks every value; the message names the option at fault. */
  public ElectionParameters {
    OptionChecks.requireBetween("--timeout-ms", timeoutMs, 1, MAX_TIMEOUT_MS);
    if (crashRanks != null) {
      for (Integer rank : crashRanks) {
        if (rank == null || rank < 0) {
          throw new IllegalArgumentException("--crash names rank " + rank + ", which is negative");
        }
      }
      crashRanks = List.copyOf(new TreeSet<>(crashRanks));
    }
    if (initiator != null && initiator < 0) {
      throw new IllegalArgumentException("--initiator must not be negative, got " + initiator);
    }
  }

  /**
   * The configuration for {@code ranks} ranks: the crashed ranks and the initiator resolved and
   * checked (at least one live rank, ranks in range, a live initiator).
   */
  public ElectionSetup setupFor(int ranks) {
    return ElectionSetup.resolve(ranks, crashRanks, initiator, seed);
  }
}
