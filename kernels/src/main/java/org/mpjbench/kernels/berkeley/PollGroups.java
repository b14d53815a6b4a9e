package org.mpjbench.kernels.berkeley;

/**
 * Who polls whom in a round. The ranks are cut into {@code groups} contiguous blocks whose sizes
 * differ by at most one; block 0 is led by the master (rank 0) and every other block by its first
 * rank, a submaster (TEMPO's hierarchy). In a round every leader polls the other ranks of its own
 * block, all leaders at once; then the master polls each submaster and adds the submaster's offset
 * to the offsets its group measured. One group is the flat Berkeley of the write-up: the master
 * polls every rank itself. Pure arithmetic on rank numbers.
 */
final class PollGroups {
  private final int size;
  private final int groups;

  /**
   * The blocks of {@code size} ranks in {@code groups} groups.
   *
   * @throws IllegalArgumentException naming {@code --groups} when it is below 1 or above the ranks
   */
  PollGroups(int size, int groups) {
    if (size < 1) {
      throw new IllegalArgumentException("no ranks to group: " + size);
    }
    requireFits(groups, size);
    this.size = size;
    this.groups = groups;
  }

  /** Checks that {@code groups} groups can be made of {@code ranks} ranks (every group one rank). */
  static void requireFits(int groups, int ranks) {
    if (groups < 1 || groups > ranks) {
      throw new IllegalArgumentException("--groups must be between 1 and the number of ranks ("
          + ranks + "), got " + groups);
    }
  }

  /** The number of groups. */
  int groups() {
    return groups;
  }

  /** The first rank of block {@code block} (its leader); {@code size} for {@code block == groups}. */
  private int firstOf(int block) {
    return (int) ((long) block * size / groups);
  }

  /** The block {@code rank} belongs to. */
  private int blockOf(int rank) {
    // firstOf(b) <= rank holds for b < (rank + 1) * groups / size: the largest such b.
    return (int) ((((long) rank + 1) * groups + size - 1) / size - 1);
  }

  /** The rank that polls {@code rank}: its block's leader (itself when it leads one). */
  int leaderOf(int rank) {
    return firstOf(blockOf(rank));
  }

  /** Whether {@code rank} leads a block (the master, or a submaster). */
  boolean isLeader(int rank) {
    return leaderOf(rank) == rank;
  }

  /** The ranks {@code leader} polls itself, in rank order. */
  int[] membersOf(int leader) {
    int next = firstOf(blockOf(leader) + 1);
    int[] members = new int[next - leader - 1];
    for (int i = 0; i < members.length; i++) {
      members[i] = leader + 1 + i;
    }
    return members;
  }

  /** The leaders of blocks 1 and on, whom the master polls after its own block. */
  int[] submasters() {
    int[] submasters = new int[groups - 1];
    for (int block = 1; block < groups; block++) {
      submasters[block - 1] = firstOf(block);
    }
    return submasters;
  }
}
