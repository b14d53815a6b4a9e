package org.mpjbench.kernels.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The logical ring 0, 1, ..., K-1, 0 and the way a forward skips crashed ranks. */
public final class RingRoute {
  private RingRoute() {}

  /** The next rank after {@code rank} on a ring of {@code ranks}. */
  public static int next(int rank, int ranks) {
    return (rank + 1) % ranks;
  }

  /**
   * The ranks a forward from {@code from} tries, in order, given which ranks answer: every crashed
   * rank after {@code from} and then its live successor; ends with {@code from} itself when no
   * other rank is live (the message is then delivered locally, not sent).
   */
  public static List<Integer> attempts(int from, int ranks, IntPredicate live) {
    List<Integer> tried = new ArrayList<>();
    int candidate = next(from, ranks);
    while (candidate != from && !live.test(candidate)) {
      tried.add(candidate);
      candidate = next(candidate, ranks);
    }
    tried.add(candidate);
    return tried;
  }

  /** The live successor of {@code from}: the last of {@link #attempts}. */
  public static int liveSuccessor(int from, int ranks, IntPredicate live) {
    List<Integer> tried = attempts(from, ranks, live);
    return tried.get(tried.size() - 1);
  }
}
