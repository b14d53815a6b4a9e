package org.mpjbench.kernels.mutex;

import java.util.Arrays;

/**
 * The latency and cost figures of a mutual-exclusion run.
 *
 * @param entries critical-section entries of all ranks
 * @param entriesPerRank entries each rank completed
 * @param messagesPerRank algorithm messages each rank sent (DONE notices are not counted)
 * @param messagesPerEntry all messages divided by all entries
 * @param medianWaitNanos median time from asking to entering, over every entry of every rank
 * @param maxWaitNanos the longest such wait
 * @param holdNanos the time each entry spends inside, the reference a wait is read against
 * @param elapsedNanos rank 0's time for the whole run, loop and gather
 * @param entriesPerSecond entries of all ranks divided by the elapsed time
 */
public record MutexFigures(
    long entries,
    long[] entriesPerRank,
    long[] messagesPerRank,
    double messagesPerEntry,
    long medianWaitNanos,
    long maxWaitNanos,
    long holdNanos,
    long elapsedNanos,
    double entriesPerSecond) {

  /** The figures of a gathered trace. */
  public static MutexFigures of(MutexTrace trace, long holdNanos) {
    long[] waits = Arrays.stream(trace.waitNanosByRank()).flatMapToLong(Arrays::stream).sorted()
        .toArray();
    long[] perRank = Arrays.stream(trace.intervalsByRank()).mapToLong(i -> i.length / 2).toArray();
    long entries = trace.entries();
    return new MutexFigures(
        entries,
        perRank,
        trace.messagesByRank().clone(),
        entries == 0 ? 0 : (double) trace.messages() / entries,
        median(waits),
        waits.length == 0 ? 0 : waits[waits.length - 1],
        holdNanos,
        trace.elapsedNanos(),
        trace.elapsedNanos() == 0 ? 0 : entries * 1e9 / trace.elapsedNanos());
  }

  /** The median of sorted values (0 for none). */
  static long median(long[] sorted) {
    int n = sorted.length;
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
