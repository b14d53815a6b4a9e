package org.mpjbench.kernels.bully;

import static org.mpjbench.kernels.check.CheckAssertions.assertHolds;
import static org.mpjbench.kernels.check.CheckAssertions.assertViolated;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.election.ElectionSetup;
import org.mpjbench.kernels.election.RankReport;

/** Tests of {@link BullyCheck} with a good trace and bad ones (wrong belief, count too high). */
class BullyCheckTest {
  /** 4 ranks, 3 crashed, initiator 0: bounds 7 to 11. */
  private static final ElectionSetup SETUP = new ElectionSetup(4, List.of(3), 0);

  /** A trace as the kernel gathers it: [election, ok, coordinator, restarts] per rank. */
  private static List<RankReport> trace(long belief0, long extraElections) {
    return List.of(
        new RankReport(0, belief0, 220_000_000, 0, new long[] {3 + extraElections, 0, 0, 0}),
        new RankReport(1, 2, 221_000_000, 0, new long[] {2, 1, 0, 0}),
        new RankReport(2, 2, 215_000_000, 0, new long[] {1, 2, 2, 0}),
        RankReport.crashed(3).withUnread(3));
  }

  @Test
  void aGoodTraceHolds() {
    assertHolds(BullyCheck.check(SETUP, trace(2, 0)),
        "messages counted 11 (election 6, ok 3, coordinator 2)",
        "bounds for this configuration 7 to 11");
  }

  @Test
  void aLiveRankWithAnotherBeliefIsViolated() {
    assertViolated(BullyCheck.check(SETUP, trace(1, 0)),
        "live rank 0 believes 1, not the highest live rank 2");
  }

  @Test
  void aCountBeyondTheBoundsIsViolated() {
    assertViolated(BullyCheck.check(SETUP, trace(2, 3)), "messages counted 14");
  }
}
