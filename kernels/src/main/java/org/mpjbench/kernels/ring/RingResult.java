package org.mpjbench.kernels.ring;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.ElectionResult;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A ring election as rank 0 reports it.
 *
 * @param check every live rank agrees on the highest live rank, and the count is as predicted
 * @param messages MPI messages the election sent (ELECTION, COORDINATOR, ACK), counted by the ranks
 * @param predictedMessages the count {@link RingPrediction} predicts for this configuration
 * @param unreadMessages messages never read, discarded after the election: the ELECTION attempts
 *     to crashed ranks
 * @param counted the counted messages by type
 * @param predicted the predicted messages by type
 * @param crashedRanks the ranks that ignored the election
 * @param initiator the rank that started it
 * @param coordinator the highest live rank, the expected winner
 * @param beliefs the coordinator each rank believes in, by rank (-1: crashed, or never learned)
 * @param learnedAfterNanos each rank's time from the start to learning the coordinator (-1: never)
 * @param latencyMedianNanos median over the live ranks of {@code learnedAfterNanos}
 * @param latencyMaxNanos the election's latency: start to the last live rank learning the winner
 * @param timeoutMs the acknowledgement timeout that each skipped crashed rank costs
 * @param latency P50, P90, P99 and max over the live ranks of {@code learnedAfterNanos}, the times
 *     {@code latencyMedianNanos} and {@code latencyMaxNanos} are taken from (its max is the
 *     election's latency); null in a result file written before it was reported
 */
public record RingResult(
    PropertyCheck check,
    long messages,
    long predictedMessages,
    long unreadMessages,
    RingPrediction.Counts counted,
    RingPrediction.Counts predicted,
    List<Integer> crashedRanks,
    int initiator,
    int coordinator,
    long[] beliefs,
    long[] learnedAfterNanos,
    long latencyMedianNanos,
    long latencyMaxNanos,
    long timeoutMs,
    Latencies latency) implements ElectionResult {}
