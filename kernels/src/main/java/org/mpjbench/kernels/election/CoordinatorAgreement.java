package org.mpjbench.kernels.election;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * The election's property: every live rank believes the highest live rank is the coordinator. A
 * pure function of the gathered beliefs, so that a bad trace can be fed to it in a test.
 */
public final class CoordinatorAgreement {
  private CoordinatorAgreement() {}

  /** The property's wording for a given winner. */
  public static String property(int coordinator) {
    return "every live rank agrees on coordinator " + coordinator;
  }

  /**
   * Checks {@code beliefs} (by rank; crashed ranks' entries are ignored) against the highest live
   * rank of {@code setup}.
   */
  public static PropertyCheck check(ElectionSetup setup, long[] beliefs) {
    int expected = setup.highestLive();
    String property = property(expected);
    if (beliefs.length != setup.ranks()) {
      return PropertyCheck.violated(property,
          beliefs.length + " beliefs for " + setup.ranks() + " ranks");
    }
    for (int rank = 0; rank < setup.ranks(); rank++) {
      if (setup.isLive(rank) && beliefs[rank] != expected) {
        String belief = beliefs[rank] == RankReport.UNKNOWN
            ? "never learned a coordinator" : "believes " + beliefs[rank];
        return PropertyCheck.violated(property, "live rank " + rank + " " + belief
            + ", not the highest live rank " + expected);
      }
    }
    return PropertyCheck.held(property, setup.liveCount() + " live rank"
        + (setup.liveCount() == 1 ? "" : "s") + " believe " + expected);
  }

  /**
   * Combines the agreement with a second condition (a message count): holds when both hold; the
   * detail keeps both pieces of evidence, the first violation first.
   */
  public static PropertyCheck and(PropertyCheck agreement, boolean countHolds, String countWhat,
      String countDetail) {
    String property = agreement.property() + ", " + countWhat;
    if (!agreement.holds()) {
      return PropertyCheck.violated(property, agreement.detail() + "; " + countDetail);
    }
    if (!countHolds) {
      return PropertyCheck.violated(property, countDetail + "; " + agreement.detail());
    }
    return PropertyCheck.held(property, agreement.detail() + "; " + countDetail);
  }

  /** Median and maximum of the live ranks' learning times: {@code [median, max]}, 0 if none. */
  public static long[] latency(ElectionSetup setup, java.util.List<RankReport> reports) {
    long[] times = reports.stream()
        .filter(r -> setup.isLive(r.rank()) && r.learnedAfterNanos() >= 0)
        .mapToLong(RankReport::learnedAfterNanos).sorted().toArray();
    if (times.length == 0) {
      return new long[] {0, 0};
    }
    int n = times.length;
    long median = n % 2 == 1 ? times[n / 2] : (times[n / 2 - 1] + times[n / 2]) / 2;
    return new long[] {median, times[n - 1]};
  }

  /**
   * P50, P90, P99 and max of the live ranks' learning times, the times {@link #latency} takes its
   * median and max from: how long after the start each live rank knew the coordinator ({@link
   * Latencies#NONE} if none did).
   */
  public static Latencies latencies(ElectionSetup setup, java.util.List<RankReport> reports) {
    return Latencies.of(reports.stream()
        .filter(r -> setup.isLive(r.rank()) && r.learnedAfterNanos() >= 0)
        .mapToLong(RankReport::learnedAfterNanos).toArray());
  }
}
