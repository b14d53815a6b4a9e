package org.mpjbench.kernels.naming;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole naming run as rank 0 reports it.
 *
 * @param clients ranks that registered and looked up
 * @param registered names the server holds at the end
 * @param lookups resolutions made, by every client
 * @param hits resolutions that found an address
 * @param misses resolutions that answered a miss
 * @param lookupsPerSecond all lookups divided by the longest client's lookup phase
 * @param medianLookupNanos median round trip of a lookup over every client
 * @param maxLookupNanos longest round trip of a lookup
 * @param messages MPI messages the algorithm sent (requests and replies), counted by the ranks
 * @param check the verdict of {@link NamingCheck}
 * @param latency P50, P90, P99 and max of a lookup's round trip over every lookup of every client
 *     (the round trips of {@code medianLookupNanos}); null in a result file written before it was
 *     reported
 */
public record NamingResult(int clients, long registered, long lookups, long hits, long misses,
    double lookupsPerSecond, long medianLookupNanos, long maxLookupNanos, long messages,
    PropertyCheck check, Latencies latency) {}
