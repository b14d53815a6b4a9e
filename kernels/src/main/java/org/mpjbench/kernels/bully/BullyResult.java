package org.mpjbench.kernels.bully;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.ElectionResult;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A Bully election as rank 0 reports it.
 *
 * @param check every live rank agrees on the highest live rank, and the count is within bounds
 * @param messages MPI messages the election sent (ELECTION, OK, COORDINATOR), counted by the ranks
 * @param electionMessages ELECTION messages (to crashed ranks included)
 * @param okMessages OK answers
 * @param coordinatorMessages COORDINATOR announcements
 * @param restarts elections started again after an OK but no COORDINATOR in time (0 normally)
 * @param unreadMessages messages never read, discarded after the election (those to crashed
 *     ranks, and ELECTIONs that reached a rank after it knew the coordinator)
 * @param bounds the textbook bounds and this configuration's
 * @param crashedRanks the ranks that ignored the election
 * @param initiator the rank that started it
 * @param coordinator the highest live rank, the expected winner
 * @param beliefs the coordinator each rank believes in, by rank (-1: crashed, or never learned)
 * @param learnedAfterNanos each rank's time from the start to learning the coordinator (-1: never)
 * @param latencyMedianNanos median over the live ranks of {@code learnedAfterNanos}
 * @param latencyMaxNanos the election's latency: start to the last live rank learning the winner
 * @param timeoutMs the OK timeout, which the winner waits out when a higher rank has crashed
 * @param latency P50, P90, P99 and max over the live ranks of {@code learnedAfterNanos}, the times
 *     {@code latencyMedianNanos} and {@code latencyMaxNanos} are taken from (its max is the
 *     election's latency); null in a result file written before it was reported
 */
public record BullyResult(
    PropertyCheck check,
    long messages,
    long electionMessages,
    long okMessages,
    long coordinatorMessages,
    long restarts,
    long unreadMessages,
    BullyBounds bounds,
    List<Integer> crashedRanks,
    int initiator,
    int coordinator,
    long[] beliefs,
    long[] learnedAfterNanos,
    long latencyMedianNanos,
    long latencyMaxNanos,
    long timeoutMs,
    Latencies latency) implements ElectionResult {}
