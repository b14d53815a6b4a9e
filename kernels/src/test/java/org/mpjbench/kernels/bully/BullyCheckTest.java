package org.mpjbench.kernels.bully;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
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
    PropertyCheck check = BullyCheck.check(SETUP, trace(2, 0));
    assertTrue(check.holds(), check.toString());
    assertTrue(check.detail().contains("messages counted 11 (election 6, ok 3, coordinator 2)"),
        check.detail());
    assertTrue(check.detail().contains("bounds for this configuration 7 to 11"), check.detail());
  }

  @Test
  void aLiveRankWithAnotherBeliefIsViolated() {
    PropertyCheck check = BullyCheck.check(SETUP, trace(1, 0));
    assertFalse(check.holds());
    assertTrue(check.detail().startsWith("live rank 0 believes 1, not the highest live rank 2"),
        check.detail());
  }

  @Test
  void aCountBeyondTheBoundsIsViolated() {
    PropertyCheck check = BullyCheck.check(SETUP, trace(2, 3));
    assertFalse(check.holds());
    assertTrue(check.detail().startsWith("messages counted 14"), check.detail());
  }
}
