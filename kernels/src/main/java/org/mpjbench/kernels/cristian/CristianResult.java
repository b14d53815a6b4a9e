package org.mpjbench.kernels.cristian;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole Cristian run as rank 0 reports it.
 *
 * @param clients every client (ranks 1 to K-1), in rank order; empty with one rank
 * @param maxTrueErrorBeforeNanos largest absolute true error of a client relative to the server
 *     before the sync
 * @param maxTrueErrorAfterNanos largest absolute true error of a client relative to the server
 *     after the sync
 * @param medianRoundTripNanos median over every request of every client
 * @param baselineRoundTripNanos median plain MPI ping-pong between the server and the clients,
 *     measured in the same run just before (0 with one rank): the reference for the round trips
 * @param maxSyncNanos longest time a client took from its first request to stepping its clock
 * @param messages MPI messages the algorithm sent (requests and replies), counted by the ranks
 * @param check the verdict of {@link CristianCheck}
 * @param latency the distribution of the clients' sync times ({@link Client#syncNanos}), the
 *     same syncs as the median sync; {@link Latencies#NONE} without a client, null in result
 *     files written before it
 */
public record CristianResult(
    List<Client> clients,
    long maxTrueErrorBeforeNanos,
    long maxTrueErrorAfterNanos,
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
   * @param minRoundTripNanos shortest round trip of its samples (the one used)
   * @param medianRoundTripNanos median round trip of its samples
   * @param offsetAppliedNanos the step applied to its clock
   * @param trueErrorBeforeNanos its true error relative to the server before the sync
   * @param trueErrorAfterNanos its true error relative to the server after the sync
   * @param boundNanos what the property allows: {@code minRoundTrip / 2} plus drift allowance
   * @param syncNanos host time from its first request to stepping its clock
   */
  public record Client(
      int rank,
      long minRoundTripNanos,
      long medianRoundTripNanos,
      long offsetAppliedNanos,
      long trueErrorBeforeNanos,
      long trueErrorAfterNanos,
      long boundNanos,
      long syncNanos) {}
}
