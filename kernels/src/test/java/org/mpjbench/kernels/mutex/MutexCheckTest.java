package org.mpjbench.kernels.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

class MutexCheckTest {

  @Test
  void disjointIntervalsOfEveryRankHold() {
    long[][] trace = {
      {100, 200, 700, 800},
      {250, 300, 900, 1000},
      {400, 650, 1000, 1100},
    };
    PropertyCheck check = MutexCheck.check(trace, 2);
    assertTrue(check.holds(), check.detail());
    assertTrue(check.detail().contains("6 entries of 3 ranks"), check.detail());
    assertTrue(check.detail().contains("shortest hand-over 0 ns"), check.detail());
  }

  @Test
  void anOverlapNamesBothRanksAndItsLength() {
    long[][] trace = {
      {100, 200, 700, 800},
      {250, 300, 750, 1000},
    };
    PropertyCheck check = MutexCheck.check(trace, 2);
    assertFalse(check.holds());
    assertEquals("rank 1 entered (entry 1, at +650 ns) while rank 0 was inside (entry 1, "
        + "+600 to +700 ns): 50 ns overlap", check.detail());
    PropertyCheck.ViolationException e =
        assertThrows(PropertyCheck.ViolationException.class, check::requireHolds);
    assertTrue(e.getMessage().startsWith("property violated: mutual exclusion"), e.getMessage());
  }

  @Test
  void anIntervalInsideALongerOneIsCaughtEvenAfterAShortOne() {
    // Rank 0 holds from 0 to 1000; rank 1's short visit and rank 2's later one both fall inside.
    long[][] trace = {{0, 1000}, {10, 20}, {500, 600}};
    PropertyCheck check = MutexCheck.check(trace, 1);
    assertFalse(check.holds());
    assertTrue(check.detail().startsWith("rank 1 entered"), check.detail());
  }

  @Test
  void aMissingEntryIsALivenessViolation() {
    long[][] trace = {{100, 200, 700, 800}, {250, 300}};
    PropertyCheck check = MutexCheck.check(trace, 2);
    assertFalse(check.holds());
    assertEquals("rank 1 completed 1 of 2 entries", check.detail());
  }

  @Test
  void anExitBeforeItsEntryIsRejected() {
    PropertyCheck check = MutexCheck.check(new long[][] {{200, 100}}, 1);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("left entry 0 before entering it"), check.detail());
  }

  @Test
  void oneRankAloneHolds() {
    assertTrue(MutexCheck.check(new long[][] {{1, 2, 3, 4}}, 2).holds());
  }

  @Test
  void theMessageCountRuleFailsAHeldCheckAndKeepsAFailedOne() {
    PropertyCheck held = PropertyCheck.held(MutexCheck.PROPERTY, "fine");
    PropertyCheck counted = MutexCheck.withMessageCount(held, 12, 12, "2(K-1) per entry");
    assertTrue(counted.holds(), counted.detail());
    assertTrue(counted.property().endsWith("2(K-1) per entry"));
    PropertyCheck miscounted = MutexCheck.withMessageCount(held, 11, 12, "2(K-1) per entry");
    assertFalse(miscounted.holds());
    assertEquals("11 messages sent, 12 expected (2(K-1) per entry)", miscounted.detail());
    PropertyCheck failed = PropertyCheck.violated(MutexCheck.PROPERTY, "overlap");
    assertEquals(failed, MutexCheck.withMessageCount(failed, 0, 12, "rule"));
  }

  @Test
  void parametersNameTheOptionAtFault() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MutexParameters(0, 200, 500, 1, false, 1000));
    assertTrue(e.getMessage().startsWith("--entries"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new MutexParameters(1, -1, 500, 1, false, 1000));
    assertTrue(e.getMessage().startsWith("--hold-us"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new MutexParameters(1, 1, 500, 1, false, 0));
    assertTrue(e.getMessage().startsWith("--stall-timeout-ms"), e.getMessage());
  }

  @Test
  void figuresTakeMedianAndMaxOverEveryEntry() {
    MutexTrace trace = new MutexTrace(
        new long[][] {{0, 1, 2, 3}, {4, 5, 6, 7}},
        new long[][] {{10, 40}, {20, 30}},
        new long[] {3, 3},
        new long[] {0, 0},
        2_000_000_000L);
    MutexFigures figures = MutexFigures.of(trace, 200_000);
    assertEquals(4, figures.entries());
    assertEquals(25, figures.medianWaitNanos());
    assertEquals(40, figures.maxWaitNanos());
    assertEquals(1.5, figures.messagesPerEntry());
    assertEquals(2.0, figures.entriesPerSecond());
    assertEquals(new Latencies(25, 40, 40, 40), trace.waitLatencies());
  }
}
