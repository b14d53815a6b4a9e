package org.mpjbench.kernels.election;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An election's configuration for a known number of ranks: which ranks have crashed and which
 * live rank starts the election. Every rank resolves the same setup from the same parameters.
 *
 * @param ranks the number of ranks, K
 * @param crashedRanks the crashed ranks, ascending
 * @param initiator the live rank that starts the election
 */
public record ElectionSetup(int ranks, List<Integer> crashedRanks, int initiator) {

  /** Checks the setup; messages name the option at fault. */
  public ElectionSetup {
    if (ranks < 1) {
      throw new IllegalArgumentException("an election needs at least 1 rank, got " + ranks);
    }
    crashedRanks = List.copyOf(crashedRanks);
    for (int rank : crashedRanks) {
      if (rank < 0 || rank >= ranks) {
        throw new IllegalArgumentException(
            "--crash names rank " + rank + ", but the run has only ranks 0 to " + (ranks - 1));
      }
    }
    if (crashedRanks.size() >= ranks) {
      throw new IllegalArgumentException(
          "--crash leaves no live rank: at least one of the " + ranks + " ranks must be live");
    }
    if (initiator < 0 || initiator >= ranks) {
      throw new IllegalArgumentException(
          "--initiator " + initiator + " is not a rank of 0 to " + (ranks - 1));
    }
    if (crashedRanks.contains(initiator)) {
      throw new IllegalArgumentException(
          "--initiator " + initiator + " has crashed (--crash); the initiator must be live");
    }
  }

  /**
   * Resolves the defaults: {@code crash == null} crashes the highest rank when there are at least
   * 2 ranks; {@code initiator == null} draws one of the live ranks from {@code seed}.
   */
  public static ElectionSetup resolve(int ranks, List<Integer> crash, Integer initiator,
      long seed) {
    List<Integer> crashed =
        crash != null ? crash : ranks >= 2 ? List.of(ranks - 1) : List.of();
    int chosen;
    if (initiator != null) {
      chosen = initiator;
    } else {
      List<Integer> live = new ArrayList<>();
      for (int rank = 0; rank < ranks; rank++) {
        if (!crashed.contains(rank)) {
          live.add(rank);
        }
      }
      // With no live rank the constructor below says so; the draw needs one to choose from.
      chosen = live.isEmpty() ? 0 : live.get(new SplittableRandom(seed).nextInt(live.size()));
    }
    return new ElectionSetup(ranks, crashed, chosen);
  }

  /** Whether {@code rank} takes part in the election. */
  public boolean isLive(int rank) {
    return !crashedRanks.contains(rank);
  }

  /** The number of live ranks, n. */
  public int liveCount() {
    return ranks - crashedRanks.size();
  }

  /** The highest live rank: the coordinator every live rank must agree on. */
  public int highestLive() {
    for (int rank = ranks - 1; rank >= 0; rank--) {
      if (isLive(rank)) {
        return rank;
      }
    }
    throw new IllegalStateException("no live rank"); // excluded by the constructor
  }

  /** The live ranks above {@code rank}. */
  public int liveAbove(int rank) {
    int count = 0;
    for (int other = rank + 1; other < ranks; other++) {
      if (isLive(other)) {
        count++;
      }
    }
    return count;
  }
}
