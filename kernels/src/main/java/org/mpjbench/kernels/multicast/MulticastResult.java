package org.mpjbench.kernels.multicast;

import org.mpjbench.kernels.check.PropertyCheck;

/**
 * A whole multicast run as rank 0 reports it.
 *
 * @param mode {@code bcast} or {@code p2p}
 * @param totalOrder {@code none} or {@code sequencer}
 * @param multicasts messages multicast to the group
 * @param deliveries deliveries over all members (multicasts times ranks when all went well)
 * @param durationNanos from the common start (after a Barrier) to the last delivery of any member
 * @param deliveriesPerSecond {@code deliveries / duration}
 * @param medianLatencyNanos median over all deliveries of delivery time minus send time (the ranks
 *     share the host's monotonic clock)
 * @param maxLatencyNanos largest such latency
 * @param messages MPI messages the algorithm sent, counted by the ranks (a Bcast counts as one
 *     message per other member; submissions to the sequencer count one each)
 * @param check the verdict of {@link MulticastCheck}
 */
public record MulticastResult(
    String mode,
    String totalOrder,
    long multicasts,
    long deliveries,
    long durationNanos,
    double deliveriesPerSecond,
    long medianLatencyNanos,
    long maxLatencyNanos,
    long messages,
    PropertyCheck check) {}
