package org.mpjbench.kernels.mutex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;

/**
 * The mutual-exclusion checker: a pure function from the critical-section intervals every rank
 * recorded (on the host's shared monotonic clock) to a {@link PropertyCheck}.
 *
 * <p>Safety: sorted by entry time, every interval starts at or after the latest exit seen so far,
 * so no two ranks were ever inside at once. Liveness: every rank completed exactly the entries it
 * was asked for, so every request was served.
 */
public final class MutexCheck {
  /** The property's name, as the summary prints it. */
  public static final String PROPERTY =
      "mutual exclusion (never two ranks in the critical section) and every entry served";

  private MutexCheck() {}

  /** One critical-section interval of one rank. */
  private record Interval(int rank, int entry, long enterNanos, long exitNanos) {}

  /**
   * Checks a trace: {@code intervalsByRank[r]} is rank r's {@code [enter0, exit0, enter1, exit1,
   * ...]} in {@link System#nanoTime()} nanoseconds; every rank should hold {@code expectedEntries}
   * intervals.
   */
  public static PropertyCheck check(long[][] intervalsByRank, int expectedEntries) {
    List<Interval> all = new ArrayList<>();
    for (int rank = 0; rank < intervalsByRank.length; rank++) {
      long[] mine = intervalsByRank[rank];
      if (mine.length % 2 != 0) {
        return PropertyCheck.violated(PROPERTY,
            "rank " + rank + " reported an odd number of timestamps (" + mine.length + ")");
      }
      for (int i = 0; i < mine.length / 2; i++) {
        if (mine[2 * i + 1] < mine[2 * i]) {
          return PropertyCheck.violated(PROPERTY, "rank " + rank + " left entry " + i
              + " before entering it (" + (mine[2 * i] - mine[2 * i + 1]) + " ns earlier)");
        }
        all.add(new Interval(rank, i, mine[2 * i], mine[2 * i + 1]));
      }
    }
    if (all.isEmpty()) {
      return expectedEntries == 0 || intervalsByRank.length == 0
          ? PropertyCheck.held(PROPERTY, "no entries")
          : PropertyCheck.violated(PROPERTY, "no rank entered the critical section");
    }
    all.sort(Comparator.comparingLong(Interval::enterNanos).thenComparingInt(Interval::rank));
    long origin = all.get(0).enterNanos();
    Interval latest = all.get(0);
    long closestGapNanos = Long.MAX_VALUE;
    for (Interval next : all.subList(1, all.size())) {
      if (next.enterNanos() < latest.exitNanos()) {
        return PropertyCheck.violated(PROPERTY, String.format(Locale.ROOT,
            "rank %d entered (entry %d, at +%d ns) while rank %d was inside (entry %d, "
                + "+%d to +%d ns): %d ns overlap",
            next.rank(), next.entry(), next.enterNanos() - origin, latest.rank(), latest.entry(),
            latest.enterNanos() - origin, latest.exitNanos() - origin,
            Math.min(latest.exitNanos(), next.exitNanos()) - next.enterNanos()));
      }
      closestGapNanos = Math.min(closestGapNanos, next.enterNanos() - latest.exitNanos());
      if (next.exitNanos() >= latest.exitNanos()) {
        latest = next;
      }
    }
    for (int rank = 0; rank < intervalsByRank.length; rank++) {
      int done = intervalsByRank[rank].length / 2;
      if (done != expectedEntries) {
        return PropertyCheck.violated(PROPERTY, "rank " + rank + " completed " + done + " of "
            + expectedEntries + " entries");
      }
    }
    return PropertyCheck.held(PROPERTY, String.format(Locale.ROOT,
        "%d entries of %d ranks, none overlapping%s", all.size(), intervalsByRank.length,
        closestGapNanos == Long.MAX_VALUE ? ""
            : "; shortest hand-over " + closestGapNanos + " ns"));
  }

  /**
   * Adds the message-count rule to a check that held: {@code messages} must equal {@code
   * expectedMessages}, else the check fails naming {@code rule}. A check that already failed is
   * returned as it is (its violation comes first).
   */
  public static PropertyCheck withMessageCount(
      PropertyCheck check, long messages, long expectedMessages, String rule) {
    if (!check.holds()) {
      return check;
    }
    String property = check.property() + ", " + rule;
    if (messages != expectedMessages) {
      return PropertyCheck.violated(property,
          messages + " messages sent, " + expectedMessages + " expected (" + rule + ")");
    }
    return PropertyCheck.held(property, check.detail() + "; " + messages + " messages as expected");
  }
}
