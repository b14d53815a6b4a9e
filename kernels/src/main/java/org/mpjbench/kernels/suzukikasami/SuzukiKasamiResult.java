package org.mpjbench.kernels.suzukikasami;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mutex.MutexFigures;
import org.mpjbench.kernels.mutex.MutexResult;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole Suzuki-Kasami run as rank 0 reports it.
 *
 * @param check mutual exclusion, every entry served, and K messages per entry that asked
 * @param messages REQUEST and token messages of all ranks (DONE notices not counted)
 * @param requestedEntries entries whose rank lacked the token and asked (K-1 requests + 1 token)
 * @param entriesWithTokenAtHand entries whose rank still held the token (no message at all)
 * @param figures entries, waiting times and message figures
 * @param latency P50, P90, P99 and max of the wait from asking to entering, over every entry of
 *     every rank (the waits of {@code figures.medianWaitNanos}); null in a result file written
 *     before it was reported
 */
public record SuzukiKasamiResult(
    PropertyCheck check,
    long messages,
    long requestedEntries,
    long entriesWithTokenAtHand,
    MutexFigures figures,
    Latencies latency) implements MutexResult {}
