package org.mpjbench.kernels.remotecall;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole remote-call run as rank 0 reports it.
 *
 * @param clients ranks that called the service
 * @param serviceRank the rank serving "math/sqrt" (the highest rank)
 * @param calls calls made by every client
 * @param errorReplies replies that were the negative-argument error
 * @param callsPerSecond all calls divided by the longest client's call phase
 * @param medianCallNanos median round trip of a call over every client
 * @param maxCallNanos longest round trip of a call
 * @param baselineRoundTripNanos median plain one-long MPI ping-pong between the service rank and
 *     the clients in the same run (0 with one rank)
 * @param messages MPI messages the algorithm sent (registration, lookups, calls, replies)
 * @param check the verdict of {@link RemoteCallCheck}
 * @param latency P50, P90, P99 and max of a call's round trip over every call of every client (the
 *     round trips of {@code medianCallNanos}); null in a result file written before it was
 *     reported
 */
public record RemoteCallResult(int clients, int serviceRank, long calls, long errorReplies,
    double callsPerSecond, long medianCallNanos, long maxCallNanos, long baselineRoundTripNanos,
    long messages, PropertyCheck check, Latencies latency) {}
