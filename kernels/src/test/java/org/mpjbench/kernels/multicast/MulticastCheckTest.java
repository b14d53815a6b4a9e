package org.mpjbench.kernels.multicast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;

class MulticastCheckTest {
  @Test
  void everyMemberDeliveringEverythingOnceHolds() {
    PropertyCheck check = MulticastCheck.check(3,
        List.of(new long[] {0, 1, 2}, new long[] {2, 0, 1}), false);
    assertTrue(check.holds(), check.detail());
  }

  @Test
  void aMissingMessageIsCaught() {
    PropertyCheck check = MulticastCheck.check(3,
        List.of(new long[] {0, 1, 2}, new long[] {0, 2}), false);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("rank 1 never delivered message 1"), check.detail());
  }

  @Test
  void aDuplicateIsCaught() {
    PropertyCheck check = MulticastCheck.check(3,
        List.of(new long[] {0, 1, 2}, new long[] {0, 1, 1, 2}), false);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("rank 1 delivered message 1 twice"), check.detail());
  }

  @Test
  void differentOrdersViolateTotalOrderOnly() {
    List<long[]> orders = List.of(new long[] {0, 1, 2}, new long[] {0, 2, 1});
    assertTrue(MulticastCheck.check(3, orders, false).holds());
    PropertyCheck check = MulticastCheck.check(3, orders, true);
    assertFalse(check.holds());
    assertTrue(check.detail().contains("rank 1 delivered message 2 at position 1"),
        check.detail());
    assertTrue(MulticastCheck.check(3, List.of(new long[] {2, 0, 1}, new long[] {2, 0, 1}), true)
        .holds());
  }

  @Test
  void theScheduleDealsEveryIdOnceAndEvenly() {
    int[] origins = MulticastSchedule.origins(10, 3, true, 7L);
    assertArrayEquals(origins, MulticastSchedule.origins(10, 3, true, 7L));
    int[] counts = new int[3];
    for (int origin : origins) {
      counts[origin]++;
    }
    assertArrayEquals(new int[] {4, 3, 3}, counts);
    assertEquals(4, MulticastSchedule.idsOf(origins, 0).length);
    assertArrayEquals(new int[10], MulticastSchedule.origins(10, 3, false, 7L));
  }

  @Test
  void parametersNameTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MulticastParameters(10, "udp", "none", 0, 1, 100));
    assertTrue(e.getMessage().contains("--mode"));
    assertThrows(IllegalArgumentException.class,
        () -> new MulticastParameters(0, "bcast", "none", 0, 1, 100));
    assertThrows(IllegalArgumentException.class,
        () -> new MulticastParameters(10, "bcast", "lamport", 0, 1, 100));
  }
}
