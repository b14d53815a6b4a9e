package org.mpjbench.kernels.ring;

import static org.mpjbench.kernels.check.CheckAssertions.assertHolds;
import static org.mpjbench.kernels.check.CheckAssertions.assertViolated;

import java.util.List;
import org.junit.jupiter.api.Test;
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
    assertHolds(RingCheck.check(SETUP, trace(2, 0)), "messages counted 13", "predicted 13");
  }

  @Test
  void aLiveRankWithAnotherBeliefIsViolated() {
    assertViolated(RingCheck.check(SETUP, trace(3, 0)),
        "live rank 1 believes 3, not the highest live rank 2");
  }

  @Test
  void aCountOffThePredictionIsViolated() {
    assertViolated(RingCheck.check(SETUP, trace(2, 1)), "messages counted 14",
        "predicted 13 (election 4");
  }
}
