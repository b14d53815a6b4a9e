package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PollGroupsTest {
  @Test
  void oneGroupIsTheFlatRoundTheMasterPollsEveryRank() {
    PollGroups flat = new PollGroups(5, 1);
    assertArrayEquals(new int[] {1, 2, 3, 4}, flat.membersOf(0));
    assertArrayEquals(new int[0], flat.submasters());
    for (int rank = 1; rank < 5; rank++) {
      assertEquals(0, flat.leaderOf(rank));
      assertFalse(flat.isLeader(rank));
    }
  }

  @Test
  void sixtyFourRanksInFourGroupsOfSixteen() {
    PollGroups groups = new PollGroups(64, 4);
    assertArrayEquals(new int[] {16, 32, 48}, groups.submasters());
    assertEquals(15, groups.membersOf(0).length);
    assertArrayEquals(new int[] {33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47},
        groups.membersOf(32));
    assertEquals(32, groups.leaderOf(47));
    assertEquals(48, groups.leaderOf(48));
  }

  @Test
  void everyRankIsPolledExactlyOnceAndBlocksDifferByAtMostOne() {
    for (int size = 1; size <= 70; size++) {
      for (int g = 1; g <= size; g++) {
        PollGroups groups = new PollGroups(size, g);
        int[] polled = new int[size];
        int leaders = 0;
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int rank = 0; rank < size; rank++) {
          if (!groups.isLeader(rank)) {
            continue;
          }
          leaders++;
          int[] members = groups.membersOf(rank);
          smallest = Math.min(smallest, members.length + 1);
          largest = Math.max(largest, members.length + 1);
          for (int member : members) {
            polled[member]++;
            assertEquals(rank, groups.leaderOf(member), size + "/" + g + ": rank " + member);
          }
        }
        for (int submaster : groups.submasters()) {
          assertTrue(groups.isLeader(submaster));
          polled[submaster]++;
        }
        assertEquals(g, leaders, size + "/" + g);
        assertTrue(largest - smallest <= 1, size + "/" + g + ": " + smallest + ".." + largest);
        assertEquals(0, polled[0], "the master is polled by no one");
        for (int rank = 1; rank < size; rank++) {
          assertEquals(1, polled[rank], size + "/" + g + ": rank " + rank);
        }
      }
    }
  }

  @Test
  void groupsOutsideOneToTheRanksAreRefusedByName() {
    for (int bad : new int[] {0, -1, 9}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new PollGroups(8, bad));
      assertEquals("--groups must be between 1 and the number of ranks (8), got " + bad,
          e.getMessage());
    }
  }
}
