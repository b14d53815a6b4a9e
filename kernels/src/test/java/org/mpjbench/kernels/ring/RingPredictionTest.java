package org.mpjbench.kernels.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.election.ElectionConfigurations;
import org.mpjbench.kernels.election.ElectionSetup;

/** Tests of {@link RingPrediction}: by hand for small rings, and against a simulated ring. */
class RingPredictionTest {
  @Test
  void noCrashIsTwoForwardsAndTwoAcksPerLiveRank() {
    assertEquals(new RingPrediction.Counts(4, 4, 8, 0), RingPrediction.counts(4, Set.of(), 0));
    assertEquals(16, RingPrediction.messages(4, Set.of(), 2));
  }

  @Test
  void eachCrashedRankAddsOneUnacknowledgedAttempt() {
    // 4 ranks, 3 crashed: 3 live ranks forward twice with acks, rank 3 is tried once.
    assertEquals(new RingPrediction.Counts(4, 3, 6, 1), RingPrediction.counts(4, Set.of(3), 2));
    assertEquals(13, RingPrediction.messages(4, Set.of(3), 2));
    assertEquals(2 * 2 + 2 + 2 * 2, RingPrediction.messages(4, Set.of(1, 3), 0));
  }

  @Test
  void aLoneRankSendsNothingButItsAttemptsToTheCrashed() {
    assertEquals(0, RingPrediction.messages(1, Set.of(), 0));
    assertEquals(1, RingPrediction.messages(2, Set.of(1), 0));
    assertEquals(3, RingPrediction.messages(4, Set.of(0, 1, 3), 2));
  }

  /** The prediction equals what walking the ring with {@link RingRoute} sends, for every case. */
  @Test
  void predictionMatchesAWalkOfTheRingForEveryConfigurationUpToSixRanks() {
    for (ElectionSetup setup : ElectionConfigurations.upTo(6)) {
      Set<Integer> crashed = Set.copyOf(setup.crashedRanks());
      assertEquals(walk(setup.ranks(), crashed, setup.initiator()),
          RingPrediction.counts(setup.ranks(), crashed, setup.initiator()),
          ElectionConfigurations.describe(setup));
    }
  }

  /** Simulates both passes the way the kernel sends. */
  private static RingPrediction.Counts walk(int ranks, Set<Integer> crashed, int initiator) {
    long election = 0;
    long unacknowledged = 0;
    long coordinator = 0;
    int at = initiator;
    do { // ELECTION pass
      var attempts = RingRoute.attempts(at, ranks, r -> !crashed.contains(r));
      int successor = attempts.get(attempts.size() - 1);
      long tried = successor == at ? attempts.size() - 1 : attempts.size();
      election += tried;
      unacknowledged += attempts.size() - 1;
      at = successor;
    } while (at != initiator);
    do { // COORDINATOR pass over the remembered successors
      int successor = RingRoute.liveSuccessor(at, ranks, r -> !crashed.contains(r));
      if (successor != at) {
        coordinator++;
      }
      at = successor;
    } while (at != initiator);
    long acks = (election - unacknowledged) + coordinator;
    return new RingPrediction.Counts(election, coordinator, acks, unacknowledged);
  }
}
