package org.mpjbench.kernels.ricartagrawala;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mutex.MutexFigures;
import org.mpjbench.kernels.mutex.MutexResult;
import org.mpjbench.kernels.spi.Latencies;

/**
 * A whole Ricart-Agrawala run as rank 0 reports it.
 *
 * @param check mutual exclusion, every entry served, and exactly 2(K-1) messages per entry
 * @param messages REQUEST and REPLY messages of all ranks (DONE notices not counted)
 * @param expectedMessages 2(K-1) times the entries of all ranks
 * @param figures entries, waiting times and message figures
 * @param latency P50, P90, P99 and max of the wait from asking to entering, over every entry of
 *     every rank (the waits of {@code figures.medianWaitNanos}); null in a result file written
 *     before it was reported
 */
public record RicartAgrawalaResult(
    PropertyCheck check, long messages, long expectedMessages, MutexFigures figures,
    Latencies latency) implements MutexResult {}
