package org.mpjbench.kernels.election;

import java.util.ArrayList;
import java.util.List;

/** Every election configuration of a few ranks, for the tests that check a rule on all of them. */
public final class ElectionConfigurations {
  private ElectionConfigurations() {}

  /**
   * Every configuration of 1 to {@code maxRanks} ranks: each set of crashed ranks that leaves a
   * rank alive, with each live rank as the initiator.
   */
  public static List<ElectionSetup> upTo(int maxRanks) {
    List<ElectionSetup> all = new ArrayList<>();
    for (int ranks = 1; ranks <= maxRanks; ranks++) {
      for (int mask = 0; mask < (1 << ranks) - 1; mask++) {
        List<Integer> crashed = new ArrayList<>();
        for (int r = 0; r < ranks; r++) {
          if ((mask & (1 << r)) != 0) {
            crashed.add(r);
          }
        }
        for (int initiator = 0; initiator < ranks; initiator++) {
          if (!crashed.contains(initiator)) {
            all.add(new ElectionSetup(ranks, crashed, initiator));
          }
        }
      }
    }
    return all;
  }

  /** How a failed check names the configuration: its ranks, crashed ranks and initiator. */
  public static String describe(ElectionSetup setup) {
    return setup.ranks() + " ranks, crashed " + setup.crashedRanks() + ", initiator "
        + setup.initiator();
  }
}
