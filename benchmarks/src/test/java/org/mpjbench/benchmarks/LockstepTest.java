package org.mpjbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The pure parts of {@link Lockstep} and the OSU window: which failure is MPJ's buffer pool giving
 * out, and how many messages a bandwidth window holds. The lockstep itself runs on real ranks in
 * every bench ({@code BenchIT}, {@code BenchSizesIT}).
 */
class LockstepTest {
  private static IllegalArgumentException thrownAt(String className, String message) {
    IllegalArgumentException e = new IllegalArgumentException(message);
    e.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("java.nio.Buffer", "createCapacityException", "Buffer.java", 279),
        new StackTraceElement(className, "initializeRegion", "X.java", 268)});
    return e;
  }

  @Test
  void onlyTheBufferPoolsCapacityFailureIsThePools() {
    assertTrue(Lockstep.poolOverflow(thrownAt("mpjbuf.Buddy1BufferFactory",
        "capacity < 0: (-2147483648 < 0)")));
    assertFalse(Lockstep.poolOverflow(thrownAt("org.mpjbench.benchmarks.SizeOps",
        "capacity < 0: (-2147483648 < 0)")), "not thrown by MPJ's pool");
    assertFalse(Lockstep.poolOverflow(thrownAt("mpjbuf.Buddy1BufferFactory", "bad tag")),
        "another failure of the pool's package");
  }

  @Test
  void aWindowHoldsSixtyFourMessagesUpToOneMebibyteThenAtMostSixtyFourMebibytes() {
    assertEquals(64, SizeOps.window(1));
    assertEquals(64, SizeOps.window(1 << 20));
    assertEquals(32, SizeOps.window(2 << 20));
    assertEquals(4, SizeOps.window(16 << 20));
    assertEquals(1, SizeOps.window(64 << 20));
    assertEquals(1, SizeOps.window(Integer.MAX_VALUE));
  }
}
