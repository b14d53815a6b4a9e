package org.mpjbench.kernels.bully;

import org.mpjbench.kernels.election.ElectionSetup;

/**
 * The message bounds of a Bully election: the textbook ones (best case n-1 COORDINATOR messages
 * when the highest live rank starts; worst case O(n²) when the lowest does, here K² - 1 with every
 * one of the K ranks addressed), and the tighter ones of one configuration, which must contain the
 * count of a correct run whatever the timing.
 *
 * @param bestCase n - 1, n the live ranks: the new coordinator telling every other live rank
 * @param worstCase K(K-1)/2 ELECTION + K(K-1)/2 OK + (K-1) COORDINATOR = K² - 1
 * @param lower this configuration: the initiator's ELECTIONs, the winner's OK to the first
 *     ELECTION it handles, its own ELECTIONs (to crashed ranks) and its COORDINATORs
 * @param upper this configuration: every electing rank's ELECTIONs, an OK from every live rank
 *     above it to each, and the winner's COORDINATORs
 */
public record BullyBounds(long bestCase, long worstCase, long lower, long upper) {

  /** The bounds of {@code setup}. */
  public static BullyBounds of(ElectionSetup setup) {
    int ranks = setup.ranks();
    int initiator = setup.initiator();
    int winner = setup.highestLive();
    long lower = BullyContacts.electionTargets(initiator, ranks).size()
        + BullyContacts.coordinatorTargets(winner).size();
    if (winner != initiator) {
      lower += 1 + BullyContacts.electionTargets(winner, ranks).size();
    }
    long upper = BullyContacts.coordinatorTargets(winner).size();
    for (int rank : BullyContacts.electing(setup)) {
      upper += BullyContacts.electionTargets(rank, ranks).size() + setup.liveAbove(rank);
    }
    return new BullyBounds(setup.liveCount() - 1, (long) ranks * ranks - 1, lower, upper);
  }

  /** Whether {@code messages} lies within this configuration's bounds. */
  public boolean contains(long messages) {
    return lower <= messages && messages <= upper;
  }
}
