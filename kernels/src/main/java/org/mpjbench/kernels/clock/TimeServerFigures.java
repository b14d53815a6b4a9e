package org.mpjbench.kernels.clock;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;

/**
 * The figures of the time-server kernels (Cristian's, the centralized one), read alike from their
 * results: one operation per client, its latency the median of the clients' syncs; no rate (the
 * clients sync at once, so syncs per second would measure the group, not a sync).
 */
public final class TimeServerFigures {
  private TimeServerFigures() {}

  /**
   * The figures of a run whose clients took {@code syncNanos} (one per client, none with one
   * rank), with the headline "round trip median 510 µs (ping-pong 114 µs), " and the kernel's
   * {@code outcome}; "no client to sync with 1 rank" without a client.
   *
   * @param outcome what the sync achieved, e.g. "true error after the sync at most 163 µs"
   */
  public static Figures of(PropertyCheck check, long messages, long[] syncNanos,
      long medianRoundTripNanos, long baselineRoundTripNanos, String outcome,
      Latencies latency) {
    String headline = syncNanos.length == 0 ? "no client to sync with 1 rank"
        : "round trip median " + Durations.nanos(medianRoundTripNanos) + " (ping-pong "
            + Durations.nanos(baselineRoundTripNanos) + "), " + outcome;
    return new Figures(check, messages, syncNanos.length, Figures.medianNanos(syncNanos), null,
        baselineRoundTripNanos, headline, latency);
  }
}
