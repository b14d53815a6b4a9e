package org.mpjbench.kernels.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/** Tests of {@link CoordinatorAgreement} with good and bad traces. */
class CoordinatorAgreementTest {
  private static final ElectionSetup SETUP = new ElectionSetup(4, List.of(3), 1);

  @Test
  void everyLiveRankBelievingTheHighestLiveRankHolds() {
    PropertyCheck check = CoordinatorAgreement.check(SETUP, new long[] {2, 2, 2, -1});
    assertTrue(check.holds(), check.toString());
    assertEquals("every live rank agrees on coordinator 2", check.property());
    assertEquals("3 live ranks believe 2", check.detail());
  }

  @Test
  void aLiveRankWithAnotherBeliefIsAViolation() {
    PropertyCheck check = CoordinatorAgreement.check(SETUP, new long[] {2, 3, 2, -1});
    assertFalse(check.holds());
    assertEquals("live rank 1 believes 3, not the highest live rank 2", check.detail());
  }

  @Test
  void aLiveRankThatNeverLearnedIsAViolation() {
    PropertyCheck check = CoordinatorAgreement.check(SETUP, new long[] {2, 2, -1, -1});
    assertFalse(check.holds());
    assertTrue(check.detail().contains("live rank 2 never learned a coordinator"),
        check.detail());
  }

  @Test
  void aCrashedRankBeliefDoesNotCount() {
    assertTrue(CoordinatorAgreement.check(SETUP, new long[] {2, 2, 2, 3}).holds());
  }

  @Test
  void aCountConditionIsCombinedWithTheAgreement() {
    PropertyCheck agreed = CoordinatorAgreement.check(SETUP, new long[] {2, 2, 2, -1});
    PropertyCheck both = CoordinatorAgreement.and(agreed, false, "messages as predicted", "7 != 8");
    assertFalse(both.holds());
    assertEquals("every live rank agrees on coordinator 2, messages as predicted",
        both.property());
    assertTrue(both.detail().startsWith("7 != 8"), both.detail());
  }

  @Test
  void latencyIsTheMedianAndMaximumOverLiveRanks() {
    List<RankReport> reports = List.of(
        new RankReport(0, 2, 300, 0, new long[4]),
        new RankReport(1, 2, 100, 0, new long[4]),
        new RankReport(2, 2, 200, 0, new long[4]),
        RankReport.crashed(3));
    long[] latency = CoordinatorAgreement.latency(SETUP, reports);
    assertEquals(200, latency[0]);
    assertEquals(300, latency[1]);
    assertEquals(new Latencies(200, 300, 300, 300),
        CoordinatorAgreement.latencies(SETUP, reports), "over the same live ranks' times");
    assertEquals(Latencies.NONE, CoordinatorAgreement.latencies(SETUP, List.of(
        RankReport.crashed(0), RankReport.crashed(1), RankReport.crashed(2),
        RankReport.crashed(3))));
  }
}
