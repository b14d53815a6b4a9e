package org.mpjbench.kernels.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * How one rank's simulated clock starts: its offset from the host clock, its drift rate, and
 * whether it is faulty (a broken clock: it carries an extra offset and ignores corrections).
 *
 * @param initialOffsetNanos the clock's error at the start of the run
 * @param driftPpm how fast the error grows, in parts per million of elapsed host time
 * @param faulty whether the clock ignores corrections
 */
public record ClockSpec(long initialOffsetNanos, double driftPpm, boolean faulty) {

  /**
   * Draws the clocks of all ranks from one seed, so that every rank computes the same population
   * and picks its own entry. Offsets are uniform in {@code [-spread/2, +spread/2]} (so the initial
   * skew is at most the spread), drifts uniform in {@code [-maxDrift, +maxDrift]}; the faulty ranks
   * get {@code faultyOffsetNanos} on top of their drawn offset.
   */
  public static List<ClockSpec> draw(
      long seed,
      int ranks,
      long spreadNanos,
      double maxDriftPpm,
      Set<Integer> faultyRanks,
      long faultyOffsetNanos) {
    if (ranks < 1) {
      throw new IllegalArgumentException("need at least one rank, got " + ranks);
    }
    if (spreadNanos < 0 || !(maxDriftPpm >= 0)) {
      throw new IllegalArgumentException("spread and drift must not be negative");
    }
    SplittableRandom random = new SplittableRandom(seed);
    long halfSpread = spreadNanos / 2;
    List<ClockSpec> clocks = new ArrayList<>(ranks);
    for (int rank = 0; rank < ranks; rank++) {
      long offset = halfSpread == 0 ? 0 : random.nextLong(2 * halfSpread + 1) - halfSpread;
      double drift = maxDriftPpm == 0 ? 0 : (random.nextDouble() * 2 - 1) * maxDriftPpm;
      boolean faulty = faultyRanks.contains(rank);
      clocks.add(new ClockSpec(faulty ? offset + faultyOffsetNanos : offset, drift, faulty));
    }
    return List.copyOf(clocks);
  }
}
