package org.mpjbench.kernels.lamport;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole Lamport run as rank 0 reports it.
 *
 * @param events events recorded by all ranks (local, send and receive)
 * @param localEvents of which local events
 * @param messages MPI messages the algorithm sent, counted by the ranks
 * @param vector whether vector clocks were kept and checked
 * @param maxLamportStamp the largest Lamport stamp of any event
 * @param medianMessageNanos median time from a send to its receive, on the host's monotonic clock
 * @param maxMessageNanos longest time from a send to its receive
 * @param patternNanos host time rank 0 spent in the pattern (between two barriers)
 * @param checks every checker's verdict: the Lamport stamps, then the vectors if kept
 * @param check all of {@code checks} combined: holds when every one holds
 * @param latency the distribution of every message's time from its send to its receive, the
 *     messages of {@code medianMessageNanos}; {@link Latencies#NONE} without a message, null in
 *     result files written before it
 */
public record LamportResult(
    long events,
    long localEvents,
    long messages,
    boolean vector,
    long maxLamportStamp,
    long medianMessageNanos,
    long maxMessageNanos,
    long patternNanos,
    List<PropertyCheck> checks,
    PropertyCheck check,
    Latencies latency) {}
