package org.mpjbench.kernels.bully;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.election.ElectionConfigurations;
import org.mpjbench.kernels.election.ElectionSetup;

/** Tests of {@link BullyContacts} and {@link BullyBounds}. */
class BullyContactsTest {
  @Test
  void anElectionGoesToEveryHigherRankAndTheAnnouncementToEveryLowerOne() {
    assertEquals(List.of(2, 3), BullyContacts.electionTargets(1, 4));
    assertEquals(List.of(), BullyContacts.electionTargets(3, 4));
    assertEquals(List.of(0, 1, 2), BullyContacts.coordinatorTargets(3));
    assertEquals(List.of(), BullyContacts.coordinatorTargets(0));
  }

  @Test
  void theInitiatorAndTheLiveRanksAboveItHoldElections() {
    assertEquals(List.of(1, 2, 4), BullyContacts.electing(new ElectionSetup(5, List.of(3), 1)));
    assertEquals(List.of(2), BullyContacts.electing(new ElectionSetup(4, List.of(3), 2)));
  }

  @Test
  void theHighestLiveRankStartingIsTheBestCase() {
    // 4 ranks, 3 crashed, 2 starts: ELECTION to 3, COORDINATOR to 0 and 1.
    BullyBounds b = BullyBounds.of(new ElectionSetup(4, List.of(3), 2));
    assertEquals(new BullyBounds(2, 15, 3, 3), b);
  }

  @Test
  void theLowestRankStartingWithNoCrashIsTheWorstCase() {
    // 6 ELECTION (3+2+1), at most 6 OK, 3 COORDINATOR: K² - 1 = 15.
    BullyBounds b = BullyBounds.of(new ElectionSetup(4, List.of(), 0));
    assertEquals(15, b.upper());
    assertEquals(b.worstCase(), b.upper());
    // At least: 0's 3 ELECTIONs, 3's OK to one of them, 3's COORDINATOR to 0, 1, 2.
    assertEquals(7, b.lower());
  }

  @Test
  void configurationBoundsLieWithinTheTextbookOnesForEveryConfigurationUpToSixRanks() {
    for (ElectionSetup setup : ElectionConfigurations.upTo(6)) {
      BullyBounds b = BullyBounds.of(setup);
      String what = ElectionConfigurations.describe(setup) + ": " + b;
      assertTrue(b.bestCase() <= b.lower(), what);
      assertTrue(b.lower() <= b.upper(), what);
      assertTrue(b.upper() <= b.worstCase(), what);
    }
  }
}
