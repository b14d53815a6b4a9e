package org.mpjbench.kernels.remotecall;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteCallPureTest {
  @Test
  void serviceAnswersSqrtOrTheTypedError() {
    long[] reply = new long[SqrtService.REPLY_LONGS];
    SqrtService.answer(7, Double.doubleToRawLongBits(2.0), reply);
    assertArrayEquals(new long[] {7, Double.doubleToRawLongBits(Math.sqrt(2.0)),
        SqrtService.STATUS_OK}, reply);
    SqrtService.answer(8, Double.doubleToRawLongBits(-4.0), reply);
    assertArrayEquals(new long[] {8, 0, SqrtService.STATUS_NEGATIVE_ARGUMENT}, reply);
    SqrtService.answer(9, Double.doubleToRawLongBits(0.0), reply);
    assertEquals(0.0, Double.longBitsToDouble(reply[1]));
  }

  @Test
  void argumentsAreSeededWithSomeNegatives() {
    double[] a = CallWorkload.arguments(1, 2, 1000, 0.1);
    assertArrayEquals(a, CallWorkload.arguments(1, 2, 1000, 0.1));
    long negatives = java.util.Arrays.stream(a).filter(x -> x < 0).count();
    assertTrue(negatives > 50 && negatives < 150, "about 100: " + negatives);
    assertEquals(0, java.util.Arrays.stream(CallWorkload.arguments(1, 2, 100, 0)).filter(x -> x < 0)
        .count());
  }

  @Test
  void clientsAreEveryRankButTheService() {
    assertEquals(List.of(0), RemoteCallKernel.clients(1));
    assertEquals(0, RemoteCallKernel.serviceRank(1));
    assertEquals(List.of(0), RemoteCallKernel.clients(2));
    assertEquals(List.of(0, 1, 2), RemoteCallKernel.clients(4));
    assertEquals(3, RemoteCallKernel.serviceRank(4));
  }

  private static long[] rightReplies(double[] arguments) {
    long[] replies = new long[SqrtService.REPLY_LONGS * arguments.length];
    long[] reply = new long[SqrtService.REPLY_LONGS];
    // Answered out of order (reversed) on purpose: order does not matter, only the call ids.
    for (int r = 0; r < arguments.length; r++) {
      int call = arguments.length - 1 - r;
      SqrtService.answer(call, Double.doubleToRawLongBits(arguments[call]), reply);
      System.arraycopy(reply, 0, replies, SqrtService.REPLY_LONGS * r, reply.length);
    }
    return replies;
  }

  @Test
  void checkerAcceptsRightReplies() {
    double[] arguments = CallWorkload.arguments(3, 1, 40, 0.3);
    var check = RemoteCallCheck.check(List.of(
        new RemoteCallCheck.ClientTrace(1, arguments, rightReplies(arguments), 40)));
    assertTrue(check.holds(), check.detail());
    assertTrue(check.detail().contains("40 calls answered once"), check.detail());
  }

  @Test
  void checkerRejectsAWrongReply() {
    double[] arguments = {4.0, 9.0, -1.0};
    long[] replies = rightReplies(arguments);
    replies[1] = Double.doubleToRawLongBits(3.0000000000000004); // call 2 is first: now call 1
    replies[0] = 1;
    replies[SqrtService.REPLY_LONGS] = 2;
    replies[SqrtService.REPLY_LONGS + 1] = 0;
    replies[SqrtService.REPLY_LONGS + 2] = SqrtService.STATUS_NEGATIVE_ARGUMENT;
    replies[2] = SqrtService.STATUS_OK;
    var check = RemoteCallCheck.check(List.of(
        new RemoteCallCheck.ClientTrace(5, arguments, replies, 3)));
    assertFalse(check.holds());
    assertTrue(check.detail().contains("rank 5, call 1 sqrt(9.0): got 3.0000000000000004,"
        + " expected 3.0"), check.detail());
  }

  @Test
  void checkerRejectsAnErrorForAPositiveArgument() {
    double[] arguments = {4.0};
    long[] replies = {0, 0, SqrtService.STATUS_NEGATIVE_ARGUMENT};
    var check = RemoteCallCheck.check(List.of(
        new RemoteCallCheck.ClientTrace(1, arguments, replies, 1)));
    assertFalse(check.holds());
    assertTrue(check.detail().contains("got the negative-argument error, expected 2.0"),
        check.detail());
  }

  @Test
  void checkerRejectsAMissingReply() {
    double[] arguments = {4.0, 9.0, -1.0};
    var check = RemoteCallCheck.check(List.of(
        new RemoteCallCheck.ClientTrace(2, arguments, rightReplies(arguments), 2)));
    assertFalse(check.holds());
    assertTrue(check.detail().contains("rank 2 never got a reply to call 0"), check.detail());
  }

  @Test
  void checkerRejectsAReplyTwice() {
    double[] arguments = {4.0, 9.0};
    long[] replies = rightReplies(arguments);
    System.arraycopy(replies, 0, replies, SqrtService.REPLY_LONGS, SqrtService.REPLY_LONGS);
    var check = RemoteCallCheck.check(List.of(
        new RemoteCallCheck.ClientTrace(2, arguments, replies, 2)));
    assertFalse(check.holds());
    assertTrue(check.detail().contains("call 1 answered twice"), check.detail());
  }

  @Test
  void parametersNameTheOption() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new RemoteCallParameters(0, 0.1, 1, 1000));
    assertTrue(e.getMessage().startsWith("--calls"));
  }
}
