package org.mpjbench.kernels.suzukikasami;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SuzukiKasamiStateTest {

  @Test
  void rankZeroStartsWithTheTokenAndEntersWithoutAsking() {
    SuzukiKasamiState zero = new SuzukiKasamiState(0, 3);
    assertTrue(zero.hasToken());
    assertFalse(new SuzukiKasamiState(1, 3).hasToken());
    assertEquals(SuzukiKasamiState.NO_REQUEST, zero.request());
    assertTrue(zero.mayEnter());
    zero.enter();
    assertNull(zero.release(), "nobody waits: the token stays");
    assertTrue(zero.hasToken());
  }

  @Test
  void aRankWithoutTheTokenNumbersItsRequests() {
    SuzukiKasamiState one = new SuzukiKasamiState(1, 3);
    assertEquals(1, one.request());
    assertFalse(one.mayEnter());
    assertThrows(IllegalStateException.class, one::enter);
  }

  @Test
  void anIdleHolderHandsTheTokenToAnOutstandingRequest() {
    SuzukiKasamiState zero = new SuzukiKasamiState(0, 3);
    SuzukiKasamiState.Handover handover = zero.onRequest(2, 1);
    assertEquals(2, handover.to());
    assertFalse(zero.hasToken());
    assertEquals(1, zero.requestNumber(2));
  }

  @Test
  void aStaleRequestMovesNothing() {
    SuzukiKasamiState zero = new SuzukiKasamiState(0, 3);
    Token token = zero.onRequest(2, 1).token();
    SuzukiKasamiState two = new SuzukiKasamiState(2, 3);
    two.request();
    two.onToken(token);
    two.enter();
    assertNull(two.release());
    // LN[2] = 1 now: a late copy of request 1 (or an older one) is already served.
    assertNull(two.onRequest(0, 0));
    SuzukiKasamiState.Handover back = two.onRequest(0, 1);
    assertEquals(0, back.to());
  }

  @Test
  void insideTheHolderKeepsTheTokenAndQueuesRequestsOnRelease() {
    SuzukiKasamiState zero = new SuzukiKasamiState(0, 4);
    zero.request();
    zero.enter();
    assertNull(zero.onRequest(3, 1));
    assertNull(zero.onRequest(1, 1));
    assertNull(zero.onRequest(1, 1), "a duplicate is not queued twice");
    SuzukiKasamiState.Handover handover = zero.release();
    // Scanned from rank 1 round the ring: 1 first, then 3; the head (1) gets the token.
    assertEquals(1, handover.to());
    assertArrayEquals(new int[] {3}, handover.token().queue());
    assertEquals(0, handover.token().lastServed(0));
  }

  @Test
  void releaseRecordsTheServedRequestAndSkipsQueuedRanks() {
    SuzukiKasamiState one = new SuzukiKasamiState(1, 3);
    assertEquals(1, one.request());
    long[] wire = new long[] {0, 0, 0, 1, 2, 0, 0};
    one.onRequest(2, 1);
    one.onToken(Token.decode(wire, wire.length, 3));
    one.enter();
    SuzukiKasamiState.Handover handover = one.release();
    assertEquals(1, handover.token().lastServed(1), "LN[1] = RN[1]");
    assertEquals(2, handover.to(), "rank 2 was queued already, not queued again");
    assertEquals(0, handover.token().queue().length);
  }

  @Test
  void theTokenRoundTripsThroughItsWireLayout() {
    long[] wire = {3, 1, 4, 0, 2, 3, 1, 0, 0};
    Token token = Token.decode(wire, wire.length, 4);
    assertEquals(9, Token.encodedLength(4));
    assertArrayEquals(new int[] {3, 1}, token.queue());
    assertEquals(4, token.lastServed(2));
    assertArrayEquals(new long[] {3, 1, 4, 0, 2, 3, 1, 0, 0}, token.encode());
  }

  @Test
  void aMalformedTokenIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Token.decode(new long[5], 5, 3));
    assertThrows(IllegalArgumentException.class,
        () -> Token.decode(new long[] {0, 0, 0, 4, 0, 0, 0}, 7, 3));
    assertThrows(IllegalArgumentException.class,
        () -> Token.decode(new long[] {0, 0, 0, 2, 1, 1, 0}, 7, 3));
    assertThrows(IllegalArgumentException.class,
        () -> Token.decode(new long[] {0, 0, 0, 1, 7, 0, 0}, 7, 3));
  }

  @Test
  void aSecondTokenIsALoudError() {
    SuzukiKasamiState zero = new SuzukiKasamiState(0, 2);
    assertThrows(IllegalStateException.class, () -> zero.onToken(new Token(2)));
  }
}
