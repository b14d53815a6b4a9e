package org.mpjbench.kernels.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link ElectionParameters} and {@link ElectionSetup}: the defaults (the highest rank
 * crashed, an initiator drawn among the live ranks), and every validation naming its option.
 */
class ElectionSetupTest {
  private static ElectionSetup setup(int ranks, List<Integer> crash, Integer initiator) {
    return new ElectionParameters(crash, initiator, 200, 1L).setupFor(ranks);
  }

  @Test
  void byDefaultTheHighestRankHasCrashedWhenThereAreTwoOrMore() {
    assertEquals(List.of(3), setup(4, null, null).crashedRanks());
    assertEquals(List.of(1), setup(2, null, null).crashedRanks());
    assertEquals(List.of(), setup(1, null, null).crashedRanks());
    assertEquals(List.of(), setup(4, List.of(), null).crashedRanks(), "--crash none");
  }

  @Test
  void theDrawnInitiatorIsLiveAndTheSameForTheSameSeed() {
    for (long seed = 0; seed < 50; seed++) {
      ElectionSetup a = new ElectionParameters(List.of(0, 2), null, 200, seed).setupFor(4);
      ElectionSetup b = new ElectionParameters(List.of(0, 2), null, 200, seed).setupFor(4);
      assertTrue(a.isLive(a.initiator()), "seed " + seed + ": " + a);
      assertEquals(a, b);
    }
  }

  @Test
  void liveRanksAndTheHighestOfThem() {
    ElectionSetup s = setup(5, List.of(4, 1), 0);
    assertEquals(List.of(1, 4), s.crashedRanks(), "sorted");
    assertEquals(3, s.liveCount());
    assertEquals(3, s.highestLive());
    assertFalse(s.isLive(1));
    assertEquals(2, s.liveAbove(0));
    assertEquals(0, s.liveAbove(3));
  }

  @Test
  void badConfigurationsFailNamingTheOption() {
    assertMessage("--crash leaves no live rank", () -> setup(2, List.of(0, 1), null));
    assertMessage("--crash names rank 4", () -> setup(4, List.of(4), 0));
    assertMessage("--crash names rank -1", () -> setup(4, List.of(-1), 0));
    assertMessage("--initiator 3 has crashed", () -> setup(4, null, 3));
    assertMessage("--initiator 7 is not a rank", () -> setup(4, List.of(), 7));
    assertMessage("--initiator must not be negative", () -> setup(4, List.of(), -2));
    assertMessage("--timeout-ms must be between 1",
        () -> new ElectionParameters(null, null, 0, 1L));
  }

  @Test
  void defaultsAreAsDocumented() {
    ElectionParameters d = ElectionParameters.DEFAULTS;
    assertEquals(200, d.timeoutMs());
    assertEquals(null, d.crashRanks());
    assertEquals(null, d.initiator());
  }

  @Test
  void reportsSurviveTheirWireLayout() {
    RankReport a = new RankReport(0, 3, 1234, 2, new long[] {1, 2, 3, 4});
    RankReport b = RankReport.crashed(1).withUnread(5);
    long[] all = new long[2 * RankReport.LENGTH];
    System.arraycopy(a.toLongs(), 0, all, 0, RankReport.LENGTH);
    System.arraycopy(b.toLongs(), 0, all, RankReport.LENGTH, RankReport.LENGTH);
    RankReport a2 = RankReport.fromLongs(0, all);
    RankReport b2 = RankReport.fromLongs(1, all);
    assertEquals(3, a2.belief());
    assertEquals(1234, a2.learnedAfterNanos());
    assertEquals(2, a2.unread());
    assertTrue(Arrays.equals(new long[] {1, 2, 3, 4}, a2.sent()));
    assertEquals(RankReport.UNKNOWN, b2.belief());
    assertEquals(5, b2.unread());
    assertEquals(7, RankReport.totalUnread(List.of(a2, b2)));
    assertEquals(3, RankReport.total(List.of(a2, b2), 2));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
