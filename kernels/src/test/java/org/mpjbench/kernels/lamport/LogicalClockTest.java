package org.mpjbench.kernels.lamport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tests of the clock rules, the pattern and the event layout. */
class LogicalClockTest {

  @Test
  void ticksOnLocalAndSendAndTakesTheMaximumOnReceive() {
    LogicalClock clock = new LogicalClock(1, 3, true);
    LamportEvent local = clock.local(10);
    assertEquals(1, local.lamport());
    assertArrayEquals(new long[] {0, 1, 0}, local.vector());
    LamportEvent send = clock.send(7, 11);
    assertEquals(2, send.lamport());
    assertEquals(7, send.messageId());
    LamportEvent receive = clock.receive(8, 10, new long[] {4, 0, 2}, 12);
    assertEquals(11, receive.lamport(), "max(2, 10) + 1");
    assertArrayEquals(new long[] {4, 3, 2}, receive.vector());
    LamportEvent late = clock.receive(9, 3, new long[] {1, 1, 1}, 13);
    assertEquals(12, late.lamport(), "max(11, 3) + 1");
    assertEquals(3, late.sequence());
    assertThrows(IllegalArgumentException.class, () -> clock.receive(10, 1, null, 14));
  }

  @Test
  void eventsSurviveTheGatheredLayout() {
    LamportEvent event =
        new LamportEvent(LamportEvent.Type.RECEIVE, 42, 17, 2, 9, 123_456_789L,
            new long[] {3, 4, 5});
    long[] buffer = new long[1 + LamportEvent.width(3)];
    event.writeTo(buffer, 1);
    LamportEvent back = LamportEvent.readFrom(buffer, 1, 3);
    assertEquals(event.toString(), back.toString());
    assertEquals(123_456_789L, back.hostNanos());
    LamportEvent plain = new LamportEvent(LamportEvent.Type.LOCAL, 1, -1, 0, 0, 5, null);
    long[] small = new long[LamportEvent.width(0)];
    plain.writeTo(small, 0);
    assertNull(LamportEvent.readFrom(small, 0, 0).vector());
    small[0] = 9;
    assertThrows(IllegalArgumentException.class, () -> LamportEvent.readFrom(small, 0, 0));
  }

  @Test
  void thePatternIsSeededAndNeverSendsToItself() {
    LamportPattern a = LamportPattern.generate(3, 4, 500, 2);
    LamportPattern b = LamportPattern.generate(3, 4, 500, 2);
    boolean differs = false;
    LamportPattern c = LamportPattern.generate(4, 4, 500, 2);
    for (int step = 0; step < 500; step++) {
      assertEquals(a.sender(step), b.sender(step));
      assertEquals(a.receiver(step), b.receiver(step));
      assertNotEquals(a.sender(step), a.receiver(step));
      assertTrue(a.localEvents(step, 3) >= 0 && a.localEvents(step, 3) <= 2);
      differs |= a.sender(step) != c.sender(step);
    }
    assertTrue(differs, "another seed, another pattern");
    LamportPattern alone = LamportPattern.generate(3, 1, 10, 1);
    assertEquals(0, alone.messageCount());
    assertEquals(10, alone.steps());
  }

  @Test
  void parametersNameTheOptionAtFault() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LamportParameters(2001, 1, false, 1, 1000));
    assertTrue(e.getMessage().contains("--messages"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new LamportParameters(10, 4, false, 1, 1000));
    assertTrue(e.getMessage().contains("--local-events"), e.getMessage());
    LamportParameters big = new LamportParameters(2000, 3, true, 1, 1000);
    e = assertThrows(IllegalArgumentException.class, () -> big.requireFitsRanks(4));
    assertTrue(e.getMessage().contains("--vector"), e.getMessage());
    new LamportParameters(2000, 1, true, 1, 1000).requireFitsRanks(4);
  }
}
