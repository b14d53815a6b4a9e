package org.mpjbench.kernels.ring;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.ElectionSetup;
import org.mpjbench.kernels.election.RankReport;

/** Tests of {@link RingCheck} with a good trace and bad ones (wrong belief, wrong count). */
class RingCheckTest {
  /** 4 ranks, 3 crashed, initiator 2: predicted election 4 (1 unacked), coordinator 3, ack 6. */
  private static final ElectionSetup SETUP = new ElectionSetup(4, List.of(3), 2);

  /** A trace as the kernel gathers it: [election, coordinator, ack, unacknowledged] per rank. */
  private static List<RankReport> trace(long belief1, long extraAck) {
    return List.of(
        new RankReport(0, 2, 300, 0, new long[] {1, 1, 2, 0}),
        new RankReport(1, belief1, 400, 0, new long[] {1, 1, 2 + extraAck, 0}),
        new RankReport(2, 2, 250, 0, new long[] {2, 1, 2, 1}),
        RankReport.crashed(3).withUnread(1));
  }

  @Test
  void aGoodTraceHolds() {
    PropertyCheck check = RingCheck.check(SETUP, trace(2, 0));
    assertTrue(check.holds(), check.toString());
    assertTrue(check.detail().contains("messages counted 13"), check.detail());
    assertTrue(check.detail().contains("predicted 13"), check.detail());
  }

  @Test
  void aLiveRankWithAnotherBeliefIsViolated() {
    PropertyCheck check = RingCheck.check(SETUP, trace(3, 0));
    assertFalse(check.holds());
    assertTrue(check.detail().startsWith("live rank 1 believes 3, not the highest live rank 2"),
        check.detail());
  }

  @Test
  void aCountOffThePredictionIsViolated() {
    PropertyCheck check = RingCheck.check(SETUP, trace(2, 1));
    assertFalse(check.holds());
    assertTrue(check.detail().startsWith("messages counted 14"), check.detail());
    assertTrue(check.detail().contains("predicted 13 (election 4"), check.detail());
  }
}
