package org.mpjbench.kernels.berkeley;

import java.util.List;

/**
 * What one Berkeley round did and how well: the master's view (estimates, round trips, the
 * average and who was left out) beside the truth (every clock's real error before and after its
 * correction). Arrays are indexed by rank.
 *
 * @param round 1-based round number
 * @param durationNanos master's time from the first poll to the end of the scatter
 * @param estimatedOffsetNanos master's estimate of each clock minus its own (0 for itself)
 * @param roundTripNanos round trip of the sample kept for each slave (0 for the master)
 * @param centreNanos the median the tolerance was measured from
 * @param averageOffsetNanos mean of the agreeing estimates
 * @param excludedRanks ranks whose estimates were left out of the average
 * @param correctionNanos the correction sent to each rank
 * @param trueErrorBeforeNanos each clock's real error before its correction
 * @param trueErrorAfterNanos each clock's real error after its correction
 * @param estimationErrorNanos estimate minus true offset from the master, per rank
 * @param trueSkewNanos largest difference between non-faulty clocks after the round
 */
public record BerkeleyRound(
    int round,
    long durationNanos,
    long[] estimatedOffsetNanos,
    long[] roundTripNanos,
    long centreNanos,
    long averageOffsetNanos,
    List<Integer> excludedRanks,
    long[] correctionNanos,
    long[] trueErrorBeforeNanos,
    long[] trueErrorAfterNanos,
    long[] estimationErrorNanos,
    long trueSkewNanos) {

  /** The largest absolute estimation error among the ranks that are not faulty. */
  public long maxEstimationErrorNanos(boolean[] faulty) {
    long max = 0;
    for (int rank = 0; rank < estimationErrorNanos.length; rank++) {
      if (!faulty[rank]) {
        max = Math.max(max, Math.abs(estimationErrorNanos[rank]));
      }
    }
    return max;
  }
}
