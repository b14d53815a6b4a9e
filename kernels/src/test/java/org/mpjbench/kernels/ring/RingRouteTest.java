package org.mpjbench.kernels.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests of {@link RingRoute} and {@link ElectionList}: skipping crashed ranks, the layout. */
class RingRouteTest {
  @Test
  void theRingWrapsAround() {
    assertEquals(1, RingRoute.next(0, 4));
    assertEquals(0, RingRoute.next(3, 4));
    assertEquals(0, RingRoute.next(0, 1));
  }

  @Test
  void aForwardSkipsCrashedRanks() {
    Set<Integer> crashed = Set.of(2, 3);
    assertEquals(List.of(2, 3, 0), RingRoute.attempts(1, 4, r -> !crashed.contains(r)));
    assertEquals(0, RingRoute.liveSuccessor(1, 4, r -> !crashed.contains(r)));
    assertEquals(List.of(1), RingRoute.attempts(0, 4, r -> !crashed.contains(r)));
    assertEquals(List.of(0), RingRoute.attempts(3, 4, r -> true), "3 wraps to 0");
  }

  @Test
  void aLoneLiveRankIsItsOwnSuccessorAfterTryingEveryOther() {
    assertEquals(List.of(2, 0, 1), RingRoute.attempts(1, 3, r -> r == 1));
    assertEquals(1, RingRoute.liveSuccessor(1, 3, r -> r == 1));
    assertEquals(List.of(0), RingRoute.attempts(0, 1, r -> true));
  }

  @Test
  void theElectionMessageCollectsIdsInAFixedLayout() {
    long[] message = ElectionList.start(4, 2);
    assertEquals(5, message.length);
    ElectionList.append(message, 0);
    ElectionList.append(message, 1);
    assertEquals(3, message[0]);
    assertEquals(List.of(2L, 0L, 1L), java.util.Arrays.stream(ElectionList.ids(message)).boxed()
        .toList());
    assertEquals(2, ElectionList.initiator(message));
    assertEquals(2, ElectionList.highest(message));
    ElectionList.append(message, 3);
    assertEquals(3, ElectionList.highest(message));
    IllegalStateException full =
        assertThrows(IllegalStateException.class, () -> ElectionList.append(message, 3));
    assertEquals("ELECTION message full or malformed: count 4 in a message of 4 ids",
        full.getMessage());
    assertThrows(IllegalStateException.class, () -> ElectionList.ids(new long[3]));
  }
}
