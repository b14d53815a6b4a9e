package org.mpjbench.kernels.berkeley;

import java.util.List;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole Berkeley run as rank 0 reports it.
 *
 * @param initialTrueErrorNanos each clock's real error before the first round
 * @param baselineRoundTripNanos median plain MPI ping-pong between the master and its slaves,
 *     measured in the same run, the reference a round's cost is read against (0 with one rank)
 * @param rounds every round, in order
 * @param summary the figures a person reads first
 * @param latency the distribution of the rounds' durations (the master's time from the first poll
 *     to the end of the scatter), of every round; null in result files written before it
 */
public record BerkeleyResult(
    long[] initialTrueErrorNanos,
    long baselineRoundTripNanos,
    List<BerkeleyRound> rounds,
    Summary summary,
    Latencies latency) {

  /**
   * The headline figures of a run.
   *
   * @param initialSkewNanos true skew of the non-faulty clocks before the first round
   * @param finalSkewNanos true skew of the non-faulty clocks after the last round
   * @param excludedRanks ranks left out of the average in any round
   * @param faultyRanks ranks whose clocks were broken on purpose
   * @param medianRoundNanos median round duration
   * @param roundsPerSecond rounds divided by the total time spent inside rounds
   * @param roundInRoundTrips median round duration divided by the baseline round trip
   * @param finalMaxEstimationErrorNanos largest estimation error in the last round (healthy clocks)
   */
  public record Summary(
      long initialSkewNanos,
      long finalSkewNanos,
      List<Integer> excludedRanks,
      List<Integer> faultyRanks,
      long medianRoundNanos,
      double roundsPerSecond,
      double roundInRoundTrips,
      long finalMaxEstimationErrorNanos) {}
}
