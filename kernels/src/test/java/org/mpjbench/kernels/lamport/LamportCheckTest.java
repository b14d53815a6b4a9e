package org.mpjbench.kernels.lamport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * Tests of {@link LamportCheck}: traces made by running the pattern through {@link LogicalClock}s
 * in one thread (a valid execution) hold; traces with a stamp or a vector component changed are
 * violations.
 */
class LamportCheckTest {

  /** Runs {@code pattern} step by step on {@code ranks} clocks; returns every event. */
  static List<LamportEvent> simulate(LamportPattern pattern, int ranks, boolean vector) {
    List<LogicalClock> clocks = new ArrayList<>();
    for (int rank = 0; rank < ranks; rank++) {
      clocks.add(new LogicalClock(rank, ranks, vector));
    }
    List<LamportEvent> events = new ArrayList<>();
    long host = 0;
    for (int step = 0; step < pattern.steps(); step++) {
      for (int rank = 0; rank < ranks; rank++) {
        for (int i = 0; i < pattern.localEvents(step, rank); i++) {
          events.add(clocks.get(rank).local(host++));
        }
      }
      if (pattern.hasMessage(step)) {
        LamportEvent send = clocks.get(pattern.sender(step)).send(step, host++);
        events.add(send);
        events.add(clocks.get(pattern.receiver(step))
            .receive(step, send.lamport(), send.vector(), host++));
      }
    }
    return events;
  }

  @ParameterizedTest(name = "{0} ranks, {1} messages")
  @CsvSource({"1, 20", "2, 30", "3, 100", "4, 200"})
  void aCorrectTraceHolds(int ranks, int messages) {
    List<LamportEvent> events =
        simulate(LamportPattern.generate(7, ranks, messages, 2), ranks, true);
    Collections.shuffle(events, new Random(3)); // the checkers take the events in any order
    PropertyCheck stamps = LamportCheck.checkStamps(events);
    PropertyCheck vectors = LamportCheck.checkVectors(events, ranks);
    assertTrue(stamps.holds(), stamps.detail());
    assertTrue(vectors.holds(), vectors.detail());
    PropertyCheck both = LamportCheck.combine(List.of(stamps, vectors));
    assertTrue(both.holds());
    assertTrue(both.property().contains(" and "), both.property());
  }

  @Test
  void aReceiveStampedAtOrBelowItsSendIsAViolation() {
    List<LamportEvent> events = simulate(LamportPattern.generate(7, 3, 50, 1), 3, false);
    int index = firstOfType(events, LamportEvent.Type.RECEIVE);
    LamportEvent receive = events.get(index);
    LamportEvent send = events.stream().filter(e -> e.type() == LamportEvent.Type.SEND
        && e.messageId() == receive.messageId()).findFirst().orElseThrow();
    events.set(index, with(receive, send.lamport(), receive.vector()));
    PropertyCheck check = LamportCheck.checkStamps(events);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("message " + receive.messageId() + ": send"),
        check.detail());
    assertThrows(PropertyCheck.ViolationException.class, check::requireHolds);
    assertFalse(LamportCheck.combine(List.of(PropertyCheck.held("x", "fine"), check)).holds());
  }

  @Test
  void aLostMessageIsAViolation() {
    List<LamportEvent> events = simulate(LamportPattern.generate(7, 3, 50, 1), 3, true);
    events.remove(firstOfType(events, LamportEvent.Type.RECEIVE));
    assertFalse(LamportCheck.checkStamps(events).holds());
    assertTrue(LamportCheck.checkStamps(events).detail().contains("never received"));
    assertFalse(LamportCheck.checkVectors(events, 3).holds());
  }

  @Test
  void aVectorWithAWrongComponentIsAViolation() {
    List<LamportEvent> events = simulate(LamportPattern.generate(11, 4, 60, 1), 4, true);
    // The last event of rank 0 wrongly claims to know of one more event of rank 1 than it does.
    int index = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).rank() == 0) {
        index = i;
      }
    }
    LamportEvent last = events.get(index);
    long[] vector = last.vector().clone();
    vector[1] += 1;
    events.set(index, with(last, last.lamport(), vector));
    assertTrue(LamportCheck.checkStamps(events).holds(), "the Lamport stamps are untouched");
    PropertyCheck check = LamportCheck.checkVectors(events, 4);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("did not happen before")
        || check.detail().contains("not below"), check.detail());
  }

  @Test
  void concurrentEventsWithOrderedVectorsAreAViolation() {
    // Two ranks, no messages: every pair across ranks is concurrent.
    LamportEvent a = new LamportEvent(LamportEvent.Type.LOCAL, 1, -1, 0, 0, 0, new long[] {1, 0});
    LamportEvent b = new LamportEvent(LamportEvent.Type.LOCAL, 1, -1, 1, 0, 0, new long[] {0, 1});
    assertTrue(LamportCheck.checkVectors(List.of(a, b), 2).holds());
    LamportEvent bWrong =
        new LamportEvent(LamportEvent.Type.LOCAL, 1, -1, 1, 0, 0, new long[] {1, 1});
    PropertyCheck check = LamportCheck.checkVectors(List.of(a, bWrong), 2);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("did not happen before"), check.detail());
  }

  @Test
  void aMissingVectorIsAViolation() {
    List<LamportEvent> events = simulate(LamportPattern.generate(1, 2, 5, 0), 2, false);
    assertFalse(LamportCheck.checkVectors(events, 2).holds());
  }

  @Test
  void vectorOrderIsStrict() {
    assertTrue(LamportCheck.less(new long[] {1, 2}, new long[] {1, 3}));
    assertFalse(LamportCheck.less(new long[] {1, 2}, new long[] {1, 2}));
    assertFalse(LamportCheck.less(new long[] {2, 1}, new long[] {1, 2}));
  }

  private static int firstOfType(List<LamportEvent> events, LamportEvent.Type type) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).type() == type) {
        return i;
      }
    }
    throw new AssertionError("no " + type);
  }

  private static LamportEvent with(LamportEvent e, long lamport, long[] vector) {
    return new LamportEvent(e.type(), lamport, e.messageId(), e.rank(), e.sequence(),
        e.hostNanos(), vector);
  }

  @Test
  void simulationCountsMatchThePattern() {
    LamportPattern pattern = LamportPattern.generate(5, 4, 200, 1);
    List<LamportEvent> events = simulate(pattern, 4, false);
    assertEquals(200, pattern.messageCount());
    long sends = events.stream().filter(e -> e.type() == LamportEvent.Type.SEND).count();
    assertEquals(200, sends);
  }
}
