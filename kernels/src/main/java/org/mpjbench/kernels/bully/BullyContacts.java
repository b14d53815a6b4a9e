package org.mpjbench.kernels.bully;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mpjbench.kernels.election.ElectionSetup;

/** Whom a Bully rank contacts, and which ranks hold an election, as pure functions. */
public final class BullyContacts {
  private BullyContacts() {}

  /** The ranks an election held by {@code rank} sends ELECTION to: every higher rank. */
  public static List<Integer> electionTargets(int rank, int ranks) {
    return IntStream.range(rank + 1, ranks).boxed().toList();
  }

  /** The ranks a new coordinator {@code rank} sends COORDINATOR to: every lower rank. */
  public static List<Integer> coordinatorTargets(int rank) {
    return IntStream.range(0, rank).boxed().toList();
  }

  /**
   * The ranks that hold an election when nothing times out wrongly: the initiator and every live
   * rank above it (each gets the initiator's ELECTION); ranks below the initiator only wait for
   * the COORDINATOR message.
   */
  public static List<Integer> electing(ElectionSetup setup) {
    List<Integer> electing = new ArrayList<>();
    electing.add(setup.initiator());
    for (int rank = setup.initiator() + 1; rank < setup.ranks(); rank++) {
      if (setup.isLive(rank)) {
        electing.add(rank);
      }
    }
    return electing;
  }
}
