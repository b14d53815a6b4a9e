package org.mpjbench.kernels.ricartagrawala;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RicartAgrawalaStateTest {

  @Test
  void anIdleRankRepliesAtOnce() {
    assertFalse(RicartAgrawalaState.deferReply(false, false, 0, 0, 5, 1));
  }

  @Test
  void aRankInsideDefersEveryone() {
    assertTrue(RicartAgrawalaState.deferReply(true, false, 9, 2, 1, 0));
  }

  @Test
  void anAskingRankDefersOnlyLaterRequests() {
    assertTrue(RicartAgrawalaState.deferReply(false, true, 3, 1, 4, 0), "mine is earlier");
    assertFalse(RicartAgrawalaState.deferReply(false, true, 5, 1, 4, 2), "theirs is earlier");
  }

  @Test
  void equalTimestampsGoToTheLowerRank() {
    assertTrue(RicartAgrawalaState.deferReply(false, true, 4, 1, 4, 2));
    assertFalse(RicartAgrawalaState.deferReply(false, true, 4, 2, 4, 1));
  }

  @Test
  void lamportClockTicksOnSendAndTakesTheMaximumOnReceive() {
    assertEquals(1, RicartAgrawalaState.tick(0));
    assertEquals(8, RicartAgrawalaState.onReceive(3, 7));
    assertEquals(11, RicartAgrawalaState.onReceive(10, 7));
  }

  @Test
  void aRequestIsStampedAndEntryWaitsForEveryReply() {
    RicartAgrawalaState one = new RicartAgrawalaState(1, 3);
    assertEquals(1, one.request());
    assertFalse(one.mayEnter());
    one.onReply(5);
    assertEquals(6, one.clock());
    assertFalse(one.mayEnter());
    one.onReply(2);
    assertEquals(7, one.clock());
    assertTrue(one.mayEnter());
    one.enter();
    assertThrows(IllegalStateException.class, () -> one.onReply(1));
  }

  @Test
  void deferredRepliesAreSentOnRelease() {
    RicartAgrawalaState zero = new RicartAgrawalaState(0, 3);
    long mine = zero.request();
    assertEquals(1, mine);
    assertEquals(-1, zero.onRequest(2, 2), "a later request is deferred");
    assertEquals(3, zero.clock(), "receive: max(1, 2) + 1");
    assertEquals(5, zero.onRequest(0, 1), "an earlier one is answered at once, stamped 3+1+1");
    zero.onReply(1);
    zero.onReply(1);
    zero.enter();
    assertEquals(-1, zero.onRequest(1, 1), "inside: deferred whatever the timestamp");
    assertArrayEquals(new int[] {1, 2}, zero.release());
    assertThrows(IllegalStateException.class, zero::release);
  }

  @Test
  void onlyOneOfTwoConcurrentRequestersDefers() {
    RicartAgrawalaState a = new RicartAgrawalaState(0, 2);
    RicartAgrawalaState b = new RicartAgrawalaState(1, 2);
    long ta = a.request();
    long tb = b.request();
    long aAnswers = a.onRequest(tb, 1);
    long bAnswers = b.onRequest(ta, 0);
    assertEquals(-1, aAnswers, "rank 0 wins the tie and defers rank 1");
    assertTrue(bAnswers > 0, "rank 1 replies at once");
    a.onReply(bAnswers);
    assertTrue(a.mayEnter());
    assertFalse(b.mayEnter());
    a.enter();
    assertArrayEquals(new int[] {1}, a.release());
    b.onReply(a.stampReply());
    assertTrue(b.mayEnter());
  }
}
