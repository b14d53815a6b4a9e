package org.mpjbench.kernels.download;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The master's judgement of whether a download still makes progress, so that a download that
 * cannot finish fails in seconds with a likely cause instead of at the run's time-out. Pure: the
 * caller passes the time and the counts after each exchange.
 *
 * <p>With {@code m} of {@code N} lines missing, {@code K} ranks drawing at {@code R} requests/s
 * each, a new line is expected every {@code N / (m·K·R)} seconds. The download is stalled when no
 * new line came for {@value #PATIENCE_FACTOR} times that, and at least {@link #FLOOR_NANOS}, and
 * either no line came at all in that time (the server declines everything) or at least
 * {@value #PATIENCE_FACTOR}{@code ·N/m} lines came, all already held (the chance of that with
 * {@code m} lines really missing is about e^-20: the server has fewer lines than we were told).
 * Lines that come slower than the rate, but come, are not a stall: a slow server is the run
 * time-out's business.
 */
final class StallWatch {
  /** The least time without a new line that counts as a stall, whatever the expected wait. */
  static final long FLOOR_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** How many expected waits (and expected draws) without a new line make a stall. */
  static final int PATIENCE_FACTOR = 20;

  private final int lineCount;
  private final double drawsPerSecond;
  private long lastProgressNanos;
  private int distinctAtProgress;
  private long drawsAtProgress;

  /** A watch of a download of {@code lineCount} lines by {@code ranks} ranks at this rate. */
  StallWatch(int lineCount, int ranks, double ratePerSecond, long startNanos) {
    this.lineCount = lineCount;
    this.drawsPerSecond = ranks * ratePerSecond;
    this.lastProgressNanos = startNanos;
  }

  /**
   * Whether the download is stalled at {@code nowNanos}: null while it progresses, else a
   * one-line message naming the likely cause.
   *
   * @param distinct lines held
   * @param draws lines received in all, repeats included
   * @param linesBelow one more than the highest line number held (0 when none is)
   */
  String check(long nowNanos, int distinct, long draws, int linesBelow) {
    if (distinct > distinctAtProgress || distinct >= lineCount) {
      distinctAtProgress = distinct;
      drawsAtProgress = draws;
      lastProgressNanos = nowNanos;
      return null;
    }
    int missing = lineCount - distinct;
    long waitedNanos = nowNanos - lastProgressNanos;
    double expectedWaitSeconds = lineCount / (missing * drawsPerSecond);
    double patienceSeconds =
        Math.max(FLOOR_NANOS / 1e9, PATIENCE_FACTOR * expectedWaitSeconds);
    if (waitedNanos / 1e9 <= patienceSeconds) {
      return null;
    }
    long drawsSince = draws - drawsAtProgress;
    String held = String.format(Locale.ROOT, "download stalled: %d of %d lines held and no new"
        + " line for %.1f s", distinct, lineCount, waitedNanos / 1e9);
    if (drawsSince == 0) {
      return held + ", no line received at all: the line server declines every request (is it"
          + " refusing this client, or allowing far fewer requests than --rate-per-second?)";
    }
    if (drawsSince < (double) PATIENCE_FACTOR * lineCount / missing) {
      return null; // lines come, slowly: no evidence yet that any is missing from the server
    }
    String received = held + " over " + drawsSince + " lines received, all already held";
    if (linesBelow < lineCount) {
      return received + " and below line " + linesBelow + ": the server likely has "
          + linesBelow + " lines, not " + lineCount + " (--lines)";
    }
    return received + ": the server likely serves fewer distinct lines than " + lineCount
        + " (--lines)";
  }
}
