package org.mpjbench.kernels.berkeley;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a Berkeley run is told, with its units in the names. Values are checked when the
 * record is made, so a bad one fails in the launcher with a message naming the option, never inside
 * a rank.
 *
 * @param rounds synchronization rounds to run
 * @param samples polls per slave and round; the one with the shortest round trip is kept
 * @param spreadMs width of the uniform distribution of initial clock offsets
 * @param driftPpm largest drift rate drawn for a clock, in parts per million
 * @param seed seed of the clock population (same seed, same clocks)
 * @param faultyRanks ranks whose clocks are broken: extra offset, corrections ignored
 * @param faultyOffsetMs the extra offset of every faulty clock
 * @param toleranceUs offsets further than this from the median are left out of the average
 * @param intervalMs pause between rounds (0: back to back)
 * @param groups groups polled at once, each by its own leader (1: the master polls every rank;
 *     see {@link PollGroups})
 */
public record BerkeleyParameters(
    int rounds,
    int samples,
    double spreadMs,
    double driftPpm,
    long seed,
    List<Integer> faultyRanks,
    double faultyOffsetMs,
    double toleranceUs,
    long intervalMs,
    int groups) {

  /** Largest offset we accept for a faulty clock: a year, far beyond any real fault. */
  private static final int MAX_SAMPLES = 100_000;
  /** An hour between rounds: longer is a typo (the run's own bound is at most a week). */
  private static final long MAX_INTERVAL_MS = 3_600_000;
  private static final double MAX_FAULTY_OFFSET_MS = 365.0 * 24 * 3600 * 1000;

  /** The defaults the launcher shows in {@code --help}. */
  public static final BerkeleyParameters DEFAULTS =
      new BerkeleyParameters(20, 5, 50.0, 20.0, 1L, List.of(), 10_000.0, 100_000.0, 0L, 1);

  /** Checks every value; the message names the option at fault. */
  public BerkeleyParameters {
    requireAtLeast("rounds", rounds, 1);
    requireAtLeast("samples", samples, 1);
    requireAtLeast("groups", groups, 1);
    if (samples > MAX_SAMPLES) { // the master keeps every sample of a round in memory
      throw new IllegalArgumentException(
          "--samples must be at most " + MAX_SAMPLES + ", got " + samples);
    }
    requireFiniteNonNegative("spread-ms", spreadMs);
    requireFiniteNonNegative("drift-ppm", driftPpm);
    requireFiniteNonNegative("tolerance-us", toleranceUs);
    if (spreadMs > MAX_FAULTY_OFFSET_MS) {
      throw new IllegalArgumentException("--spread-ms must be at most a year, got " + spreadMs);
    }
    if (toleranceUs > MAX_FAULTY_OFFSET_MS * 1_000) {
      throw new IllegalArgumentException("--tolerance-us must be at most a year, got "
          + toleranceUs);
    }
    if (driftPpm > 1_000_000) {
      throw new IllegalArgumentException("--drift-ppm must be at most 1000000, got " + driftPpm);
    }
    if (!Double.isFinite(faultyOffsetMs) || Math.abs(faultyOffsetMs) > MAX_FAULTY_OFFSET_MS) {
      throw new IllegalArgumentException(
          "--faulty-offset-ms must be a number within one year, got " + faultyOffsetMs);
    }
    if (intervalMs < 0 || intervalMs > MAX_INTERVAL_MS) {
      throw new IllegalArgumentException(
          "--interval-ms must be between 0 and " + MAX_INTERVAL_MS + ", got " + intervalMs);
    }
    faultyRanks = faultyRanks == null ? List.of() : List.copyOf(new TreeSet<>(faultyRanks));
    for (int rank : faultyRanks) {
      if (rank < 0) {
        throw new IllegalArgumentException("--faulty names rank " + rank + ", which is negative");
      }
    }
  }

  /** The flat round of the write-up (one group). */
  public BerkeleyParameters(int rounds, int samples, double spreadMs, double driftPpm, long seed,
      List<Integer> faultyRanks, double faultyOffsetMs, double toleranceUs, long intervalMs) {
    this(rounds, samples, spreadMs, driftPpm, seed, faultyRanks, faultyOffsetMs, toleranceUs,
        intervalMs, 1);
  }

  /**
   * The most rounds times ranks a run may have: the result keeps every rank's figures of every
   * round and travels to the launcher as one line of the control channel (at most 64 MiB), at
   * about 700 bytes a rank and round. {@code --rounds 1000000} on 2 ranks once made a 433 MB
   * partial record and a result line the launcher had to refuse.
   */
  public static final long MAX_RANK_ROUNDS = 50_000;

  /**
   * Checks what depends on the number of ranks: every faulty rank must exist, every group must
   * have a rank, and the result must stay within {@link #MAX_RANK_ROUNDS}.
   */
  public void requireFitsRanks(int ranks) {
    requireResultFits(rounds, ranks);
    PollGroups.requireFits(groups, ranks);
    for (int rank : faultyRanks) {
      if (rank >= ranks) {
        throw new IllegalArgumentException(
            "--faulty names rank " + rank + ", but the run has only ranks 0 to " + (ranks - 1));
      }
    }
  }

  /**
   * Checks that {@code rounds} rounds of {@code ranks} ranks stay within {@link #MAX_RANK_ROUNDS}
   * (also what a sweep checks for its largest rank count before it starts).
   *
   * @throws IllegalArgumentException naming {@code --rounds} and the largest count allowed
   */
  public static void requireResultFits(int rounds, int ranks) {
    if ((long) rounds * ranks > MAX_RANK_ROUNDS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "--rounds %d with %d ranks keeps %,d rank-rounds in the result; at most %,d (every"
              + " round of every rank is kept): at most %d rounds with %d ranks",
          rounds, ranks, (long) rounds * ranks, MAX_RANK_ROUNDS, MAX_RANK_ROUNDS / ranks, ranks));
    }
  }

  /** The faulty ranks as a set. */
  public Set<Integer> faultySet() {
    return Set.copyOf(faultyRanks);
  }

  /** The spread in nanoseconds. */
  public long spreadNanos() {
    return Math.round(spreadMs * 1e6);
  }

  /** The faulty clocks' extra offset in nanoseconds. */
  public long faultyOffsetNanos() {
    return Math.round(faultyOffsetMs * 1e6);
  }

  /** The tolerance in nanoseconds. */
  public long toleranceNanos() {
    return Math.round(toleranceUs * 1e3);
  }

  private static void requireAtLeast(String option, long value, long least) {
    if (value < least) {
      throw new IllegalArgumentException(
          "--" + option + " must be at least " + least + ", got " + value);
    }
  }

  private static void requireFiniteNonNegative(String option, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(
          "--" + option + " must be a number of at least 0, got " + value);
    }
  }
}
