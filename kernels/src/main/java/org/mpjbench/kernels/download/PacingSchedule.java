package org.mpjbench.kernels.download;

/**
 * When a rank sends its next request, so that it takes every line the server's token bucket
 * allows and wastes few requests on refusals. The server refills a connection's bucket at R
 * tokens per second up to a burst B, and the protocol says only "declined", not when to retry.
 *
 * <p>So: at first the rank sends back to back, draining the burst. Its first refusal tells it the
 * bucket holds less than one token, so it waits one period plus a margin (an eighth of a period)
 * and from then on sends on a grid of period 1/R: each request finds the token that accrued since
 * the last one plus the margin's fraction, which absorbs early jitter. When the rank falls behind
 * the grid (a slow reply, a scheduling delay) it catches up, at most B periods, because the bucket
 * kept at most B tokens meanwhile. A refusal on the grid is most likely a random decline (which
 * costs the server no token) or jitter: the rank retries after the margin and keeps its grid
 * from there. Pure: it only does arithmetic on the times it is given.
 */
public final class PacingSchedule {
  private final long periodNanos;
  private final long marginNanos;
  private final long catchUpNanos;
  private boolean paced;
  private long nextNanos;

  /** A schedule for a server allowing one request per {@code periodNanos}, bursts of {@code burst}. */
  public PacingSchedule(long periodNanos, int burst) {
    if (periodNanos < 1 || burst < 1) {
      throw new IllegalArgumentException("period and burst must be positive");
    }
    this.periodNanos = periodNanos;
    // An eighth of a period: enough for scheduling jitter, little enough to cost ~1 % after a refusal.
    this.marginNanos = Math.max(periodNanos / 8, 1);
    // After a send that found the bucket full (B tokens), B - 1 remain: the grid may lag the send
    // by B - 2 periods, so that the B - 1 catch-up sends fall on grid points up to the send time.
    this.catchUpNanos = periodNanos * (burst - 2);
  }

  /** When the next request may go, given the time now (never earlier than now). */
  public long nextSendNanos(long nowNanos) {
    return paced ? Math.max(nowNanos, nextNanos) : nowNanos;
  }

  /** The request sent at {@code sentNanos} was answered with a line. */
  public void accepted(long sentNanos) {
    if (!paced) {
      return; // still draining the burst
    }
    nextNanos += periodNanos;
    long earliestUseful = sentNanos - catchUpNanos;
    if (nextNanos < earliestUseful) {
      nextNanos = earliestUseful; // the bucket holds at most B tokens: do not chase older ones
    }
  }

  /** The request was declined at {@code nowNanos}. */
  public void declined(long nowNanos) {
    nextNanos = paced ? nowNanos + marginNanos : nowNanos + periodNanos + marginNanos;
    paced = true;
  }

  /** Whether the first refusal has been seen (the rank now sends on the grid). */
  public boolean isPaced() {
    return paced;
  }
}
