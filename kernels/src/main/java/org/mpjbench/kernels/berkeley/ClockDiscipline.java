package org.mpjbench.kernels.berkeley;


/**
 * The master's discipline of each slave's clock from round to round, a pure step (no MPI): it
 * turns one round's offset estimates into the part of each correction that is the slave's own,
 * a phase step and a rate change, instead of stepping the whole estimate as plain Berkeley does.
 *
 * <p>Why: after convergence the clocks differ by far less than one estimate's error (a poll's
 * delays are not symmetric: each poll wakes two sleeping threads, and an estimate's error grows
 * with its round trip's excess over the shortest), so stepping every round on a fresh estimate
 * makes the skew the estimation noise. And the clocks drift (tens of ppm), so a slewed offset
 * lags unless the rate is corrected too. Per slave, as TEMPO's and NTP's clock filters do:
 *
 * <ol>
 *   <li><b>Step</b> when the estimate is larger than its own round trip: no delay asymmetry can
 *       explain it (the error of Cristian's estimate is at most half the round trip), so the
 *       offset is real (first round, a faulty or excluded clock). The offset's uncertainty
 *       becomes that bound, half the round trip.
 *   <li><b>Reject</b> (no correction of its own this round) an estimate whose round trip is more
 *       than {@code gateFactor} times the shortest of this slave's last {@code window} round
 *       trips: a stalled poll, whose error can be up to half its round trip.
 *   <li>Otherwise <b>filter</b>: a two-state Kalman filter (offset, rate relative to the master)
 *       with the time between the slave's rounds; the estimate's variance is {@code ((roundTrip -
 *       shortest) / 2)^2 + floor^2}. The filtered offset is corrected as a step (small: a
 *       fraction of the estimate), the filtered rate as a rate change of the slave's clock.
 * </ol>
 *
 * Index 0 is the master, whose estimate (of itself) is exact and never corrected here: the whole
 * correction of rank r is {@code average + own(r)}, the average being common to every rank.
 */
public final class ClockDiscipline {
  private static final double NANOS_PER_PPM_NANO = 1e-6;
  /**
   * A round trip within this of the shortest is never rejected however short that was: one
   * thread wake-up in a leg costs about 20 µs and shifts the estimate by 10 µs, half of it does
   * little (measured: 0.9 µs median error at 20-30 µs round trips, 15 µs the shortest).
   */
  private static final long GATE_ALLOWANCE_NANOS = 8_000;
  /** One millisecond as {@link #predict}'s interval: the rate wanders per millisecond. */
  private static final double ONE_MS_IN_A = 1_000_000 * NANOS_PER_PPM_NANO;

  private final double floorNanos;
  private final double phaseNoiseNanos;
  private final double rateNoisePpm;
  private final double initialRatePpm;
  private final double gateFactor;
  private final long[][] recentRoundTrips;
  private final int[] filled;
  private final int[] next;
  private final boolean[] started;
  private final long[] lastNanos;
  // covariance of (offset ns, rate ppm); the state itself is zero after every correction
  private final double[] p00;
  private final double[] p01;
  private final double[] p11;
  private final double[] rateCorrectedPpm;

  /** What the discipline did with one slave's estimate in one round. */
  public enum Action {
    /** The master itself: nothing of its own. */
    REFERENCE,
    /** The whole estimate was corrected. */
    STEP,
    /** The filtered offset and rate were corrected. */
    SLEW,
    /** The estimate was not trusted; nothing of its own. */
    REJECT
  }

  /**
   * A discipline for {@code size} ranks.
   *
   * @param floorNanos the error of an estimate whose round trip is the shortest, above 0
   * @param phaseNoiseNanos how much a slave's offset may wander in a round beyond its rate
   * @param rateNoisePpm how much a slave's rate may wander in a millisecond (its variance grows
   *     with time, so a long stall between rounds is no more uncertain than its length says)
   * @param initialRatePpm the uncertainty of a slave's rate before any estimate (its drift)
   * @param gateFactor an estimate whose round trip exceeds this times the recent shortest is
   *     rejected; at least 1
   * @param window how many of a slave's round trips the shortest is taken over, at least 1
   */
  public ClockDiscipline(int size, double floorNanos, double phaseNoiseNanos, double rateNoisePpm,
      double initialRatePpm, double gateFactor, int window) {
    if (!(floorNanos > 0) || !(phaseNoiseNanos >= 0) || !(rateNoisePpm >= 0)
        || !(initialRatePpm >= 0)) {
      throw new IllegalArgumentException("floor must be above 0, noises and rate at least 0");
    }
    if (!(gateFactor >= 1)) {
      throw new IllegalArgumentException("gate factor must be at least 1, got " + gateFactor);
    }
    if (window < 1 || size < 1) {
      throw new IllegalArgumentException("window and size must be at least 1");
    }
    this.floorNanos = floorNanos;
    this.phaseNoiseNanos = phaseNoiseNanos;
    this.rateNoisePpm = rateNoisePpm;
    this.initialRatePpm = initialRatePpm;
    this.gateFactor = gateFactor;
    this.recentRoundTrips = new long[size][window];
    this.filled = new int[size];
    this.next = new int[size];
    this.started = new boolean[size];
    this.lastNanos = new long[size];
    this.p00 = new double[size];
    this.p01 = new double[size];
    this.p11 = new double[size];
    this.rateCorrectedPpm = new double[size];
  }

  /**
   * The discipline the kernel uses: an estimate at the shortest round trip is good to 0.5 µs
   * (measured: 0.14 µs median, 1.2 µs P90 error at 15-20 µs round trips on multicore); an offset
   * wanders 150 ns a round and a rate 0.01 ppm a millisecond beyond the model; rates start
   * unknown to 50 ppm (two clocks of +/-20 ppm); round trips above 1.5x the shortest of the last
   * 64 rounds are rejected (a memory of 16 rounds forgot the shortest under load and let in the
   * mode 20 µs above it, whose error is about 10 µs).
   */
  public static ClockDiscipline standard(int size) {
    return new ClockDiscipline(size, 500, 150, 0.01, 50, 1.5, 64);
  }

  /**
   * One round's result, by rank: the phase step of each rank's own and its rate change.
   *
   * @param ownCorrectionNanos added to the common average to make each rank's correction
   * @param rateCorrectionPpm each rank's clock rate change, in parts per million
   * @param actions what was done with each estimate
   */
  public record Decision(long[] ownCorrectionNanos, double[] rateCorrectionPpm,
      Action[] actions) {}

  /**
   * Disciplines one round.
   *
   * @param estimatesNanos each slave's estimated offset from the master (index 0: the master, 0)
   * @param roundTripsNanos the round trip of each estimate's exchange (index 0 ignored)
   * @param masterNanos the master's own monotonic time of the round, only for intervals
   */
  public Decision decide(long[] estimatesNanos, long[] roundTripsNanos, long masterNanos) {
    int size = started.length;
    if (estimatesNanos.length != size || roundTripsNanos.length != size) {
      throw new IllegalArgumentException("expected " + size + " estimates and round trips");
    }
    long[] own = new long[size];
    double[] rate = new double[size];
    Action[] actions = new Action[size];
    actions[0] = Action.REFERENCE;
    for (int r = 1; r < size; r++) {
      long estimate = estimatesNanos[r];
      long roundTrip = Math.max(0, roundTripsNanos[r]);
      if (!started[r] || estimate == Long.MIN_VALUE || Math.abs(estimate) > roundTrip) {
        own[r] = -estimate;
        actions[r] = Action.STEP;
        double bound = Math.max(floorNanos, roundTrip / 2.0);
        p00[r] = bound * bound;
        p01[r] = 0;
        if (!started[r]) {
          p11[r] = initialRatePpm * initialRatePpm;
        }
        started[r] = true;
        lastNanos[r] = masterNanos;
        remember(r, roundTrip);
        continue;
      }
      predict(r, Math.max(0, masterNanos - lastNanos[r]) * NANOS_PER_PPM_NANO);
      lastNanos[r] = masterNanos;
      long best = Math.min(roundTrip, shortestRecent(r));
      remember(r, roundTrip);
      if (roundTrip > Math.max(gateFactor * best, best + GATE_ALLOWANCE_NANOS)) {
        actions[r] = Action.REJECT;
        continue;
      }
      double excess = (roundTrip - best) / 2.0;
      double noise = excess * excess + floorNanos * floorNanos;
      double innovation = p00[r] + noise;
      double gainOffset = p00[r] / innovation;
      double gainRate = p01[r] / innovation;
      // the state before the update is zero (everything estimated so far was corrected)
      own[r] = -Math.round(gainOffset * estimate);
      // A clock's rate is off by at most its drift: the rate corrected in all never goes beyond
      // the initial uncertainty (a run of lopsided estimates once taught it 300 ppm).
      double total = Math.max(-initialRatePpm,
          Math.min(initialRatePpm, rateCorrectedPpm[r] - gainRate * estimate));
      rate[r] = total - rateCorrectedPpm[r];
      rateCorrectedPpm[r] = total;
      p11[r] -= gainRate * p01[r];
      p01[r] *= 1 - gainOffset;
      p00[r] *= 1 - gainOffset;
      actions[r] = Action.SLEW;
    }
    return new Decision(own, rate, actions);
  }

  /** Propagates slave r's covariance over {@code a} = the interval in ns times 1e-6. */
  private void predict(int r, double a) {
    p00[r] += 2 * a * p01[r] + a * a * p11[r] + phaseNoiseNanos * phaseNoiseNanos;
    p01[r] += a * p11[r];
    p11[r] += rateNoisePpm * rateNoisePpm * a / ONE_MS_IN_A;
  }

  private long shortestRecent(int r) {
    // A loop, not a stream: the master runs this once a round per slave inside the timed round,
    // too seldom to be compiled, and an interpreted stream's set-up cost several µs a slave.
    long shortest = Long.MAX_VALUE;
    long[] ring = recentRoundTrips[r];
    for (int i = 0; i < filled[r]; i++) {
      shortest = Math.min(shortest, ring[i]);
    }
    return shortest;
  }

  private void remember(int r, long roundTrip) {
    long[] ring = recentRoundTrips[r];
    ring[next[r]] = roundTrip;
    next[r] = (next[r] + 1) % ring.length;
    filled[r] = Math.min(filled[r] + 1, ring.length);
  }
}
