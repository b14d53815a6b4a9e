package org.mpjbench.kernels.clock;

import java.util.function.LongSupplier;

/**
 * A rank's clock: the host's monotonic clock (the truth, shared by every rank on a host) plus an
 * error that starts at the spec's offset, grows with its drift, and is changed by corrections.
 * Not thread-safe: one rank owns it.
 */
public final class SimulatedClock {
  private static final double NANOS_PER_PPM = 1e-6;

  private final LongSupplier hostNanos;
  private final long originHostNanos;
  private final double driftPpm;
  private final boolean faulty;
  private long offsetNanos;
  /** Rate adjustment in parts per million, applied since {@link #rateSinceHostNanos}. */
  private double rateAdjustmentPpm;
  private long rateSinceHostNanos;

  /** A clock following {@code hostNanos} (in ranks: {@code System::nanoTime}) from now on. */
  public SimulatedClock(ClockSpec spec, LongSupplier hostNanos) {
    this.hostNanos = hostNanos;
    this.originHostNanos = hostNanos.getAsLong();
    this.driftPpm = spec.driftPpm();
    this.faulty = spec.faulty();
    this.offsetNanos = spec.initialOffsetNanos();
    this.rateSinceHostNanos = originHostNanos;
  }

  /** The time this clock shows now, in nanoseconds on the host clock's scale. */
  public long nowNanos() {
    long host = hostNanos.getAsLong();
    return host + errorAt(host);
  }

  /** How far this clock is from the truth right now (positive: ahead). */
  public long trueErrorNanos() {
    return errorAt(hostNanos.getAsLong());
  }

  /**
   * Applies a correction by stepping the clock. A faulty clock ignores it, which is what makes it
   * stay faulty from round to round.
   */
  public void adjust(long correctionNanos) {
    if (!faulty) {
      offsetNanos += correctionNanos;
    }
  }

  /**
   * Slews the clock: changes its rate by {@code deltaPpm} parts per million from now on (positive:
   * runs faster), as {@code adjtimex} changes a real clock's frequency. Adjustments add up. A
   * faulty clock ignores it.
   */
  public void adjustRate(double deltaPpm) {
    if (faulty || deltaPpm == 0) {
      return;
    }
    if (!Double.isFinite(deltaPpm)) {
      throw new IllegalArgumentException("rate adjustment must be finite, got " + deltaPpm);
    }
    long host = hostNanos.getAsLong();
    offsetNanos += rateTerm(host); // what the old rate gained so far is kept
    rateSinceHostNanos = host;
    rateAdjustmentPpm += deltaPpm;
  }

  /** The rate adjustment in force, in parts per million. */
  public double rateAdjustmentPpm() {
    return rateAdjustmentPpm;
  }

  /** Whether this clock ignores corrections. */
  public boolean isFaulty() {
    return faulty;
  }

  private long errorAt(long host) {
    return offsetNanos + Math.round((host - originHostNanos) * driftPpm * NANOS_PER_PPM)
        + rateTerm(host);
  }

  private long rateTerm(long host) {
    return rateAdjustmentPpm == 0 ? 0
        : Math.round((host - rateSinceHostNanos) * rateAdjustmentPpm * NANOS_PER_PPM);
  }
}
