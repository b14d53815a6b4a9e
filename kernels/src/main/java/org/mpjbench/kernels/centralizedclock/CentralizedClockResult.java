package org.mpjbench.kernels.centralizedclock;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole centralized-clock run as rank 0 reports it. The skews are those Berkeley reports (the
 * spread of every clock's true error, server included); the largest errors relative to the server
 * are those Cristian reports.
 *
 * @param clients every client (ranks 1 to K-1), in rank order; empty with one rank
 * @param initialSkewNanos true skew of all clocks before the sync (largest minus smallest error)
 * @param finalSkewNanos true skew of all clocks after the sync
 * @param maxTrueErrorBeforeNanos largest absolute true error of a client relative to the server
 *     before the sync
 * @param maxTrueErrorAfterNanos largest absolute true error of a client relative to the server
 *     after the sync
 * @param meanTrueErrorAfterNanos signed mean true error of the clients relative to the server after
 *     the sync: negative, about the reply's one-way delay, since nothing compensates it (0 without
 *     a client)
 * @param medianRoundTripNanos median of the clients' round trips (0 without a client)
 * @param baselineRoundTripNanos median plain MPI ping-pong between the server and the clients,
 *     measured in the same run just before (0 with one rank): the reference for the round trips
 * @param maxSyncNanos longest time a client took from sending its request to setting its clock
 * @param messages MPI messages the algorithm sent (requests and replies), counted by the ranks
 * @param check the verdict of {@link CentralizedClockCheck}
 * @param latency the distribution of the clients' sync times ({@link Client#syncNanos}), the
 *     same syncs as the median sync; {@link Latencies#NONE} without a client, null in result
 *     files written before it
 */
public record CentralizedClockResult(
    List<Client> clients,
    long initialSkewNanos,
    long finalSkewNanos,
    long maxTrueErrorBeforeNanos,
    long maxTrueErrorAfterNanos,
    long meanTrueErrorAfterNanos,
    long medianRoundTripNanos,
    long baselineRoundTripNanos,
    long maxSyncNanos,
    long messages,
    PropertyCheck check,
    Latencies latency) {

  /**
   * One client's synchronization.
   *
   * @param rank the client's rank
   * @param roundTripNanos round trip of its one exchange, on its own clock
   * @param offsetAppliedNanos the step applied to its clock
   * @param trueErrorBeforeNanos its true error relative to the server before the sync
   * @param trueErrorAfterNanos its true error relative to the server after the sync
   * @param boundNanos what the property allows: its round trip plus drift allowance
   * @param syncNanos host time from sending its request to setting its clock
   */
  public record Client(
      int rank,
      long roundTripNanos,
      long offsetAppliedNanos,
      long trueErrorBeforeNanos,
      long trueErrorAfterNanos,
      long boundNanos,
      long syncNanos) {}
}
