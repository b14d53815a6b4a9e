package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tests of {@link ClockDiscipline}, the pure step that steps, slews or rejects each estimate. */
class ClockDisciplineTest {
  private static final long ROUND_NANOS = 2_000_000;
  private long nowNanos;

  /** The master's time of the next round: rounds 2 ms apart. */
  private long now() {
    nowNanos += ROUND_NANOS;
    return nowNanos;
  }

  /**
   * What is left of a slave clock's error after the discipline ran on it.
   *
   * @param rmsNanos the offset's root mean square over the rounds from the 100th on
   * @param ratePpm the slave's rate error at the end (its own, plus the corrections)
   */
  private record Residual(double rmsNanos, double ratePpm) {}

  /**
   * A slave {@code offsetNanos} ahead and {@code ratePpm} fast, estimated every round with
   * Gaussian noise of {@code noiseNanos} (seeded) and a 20 µs round trip, corrected by a standard
   * discipline for {@code rounds} rounds.
   */
  private Residual simulate(long seed, double offsetNanos, double ratePpm, double noiseNanos,
      int rounds) {
    ClockDiscipline d = ClockDiscipline.standard(2);
    Random random = new Random(seed);
    double offset = offsetNanos;
    double rate = ratePpm;
    double sumOfSquares = 0;
    int counted = 0;
    for (int round = 0; round < rounds; round++) {
      offset += rate * ROUND_NANOS * 1e-6;
      long estimate = Math.round(offset + random.nextGaussian() * noiseNanos);
      ClockDiscipline.Decision decision =
          d.decide(new long[] {0, estimate}, new long[] {0, 20_000}, now());
      offset += decision.ownCorrectionNanos()[1];
      rate += decision.rateCorrectionPpm()[1];
      if (round >= 100) {
        sumOfSquares += offset * offset;
        counted++;
      }
    }
    return new Residual(Math.sqrt(sumOfSquares / counted), rate);
  }

  private static final ClockDiscipline.Action STEP = ClockDiscipline.Action.STEP;
  private static final ClockDiscipline.Action SLEW = ClockDiscipline.Action.SLEW;
  private static final ClockDiscipline.Action REJECT = ClockDiscipline.Action.REJECT;

  @Test
  void anOffsetLargerThanItsRoundTripIsStepped() {
    ClockDiscipline d = new ClockDiscipline(3, 500, 150, 0, 50, 1.5, 16);
    ClockDiscipline.Decision decision =
        d.decide(new long[] {0, 5_000_000, -40_000}, new long[] {0, 20_000, 20_000}, now());
    assertArrayEquals(new long[] {0, -5_000_000, 40_000}, decision.ownCorrectionNanos());
    assertEquals(ClockDiscipline.Action.REFERENCE, decision.actions()[0]);
    assertEquals(STEP, decision.actions()[1]);
    assertEquals(STEP, decision.actions()[2]);
  }

  @Test
  void aGoodEstimateAfterAStepMovesTheClockMuchAPoorOneLittle() {
    ClockDiscipline d = new ClockDiscipline(2, 500, 0, 0, 0, 10, 16);
    d.decide(new long[] {0, 1_000_000}, new long[] {0, 20_000}, now()); // step: uncertainty 10 µs
    // at the shortest round trip (variance 0.5 µs squared): nearly all of it
    long good =
        d.decide(new long[] {0, 4_000}, new long[] {0, 20_000}, now()).ownCorrectionNanos()[1];
    assertTrue(good < -3_900 && good > -4_000, "good estimate corrected by " + good);
    // now certain to about 0.5 µs: an estimate 16 µs above the shortest round trip hardly counts
    long poor =
        d.decide(new long[] {0, 6_000}, new long[] {0, 36_000}, now()).ownCorrectionNanos()[1];
    assertTrue(poor > -100 && poor <= 0, "poor estimate corrected by " + poor);
  }

  @Test
  void theGainSettlesWhereTheWanderingBalancesTheNoise() {
    ClockDiscipline d = new ClockDiscipline(2, 500, 150, 0, 0, 10, 16);
    d.decide(new long[] {0, 1_000_000}, new long[] {0, 20_000}, now());
    long last = 0;
    for (int round = 0; round < 100; round++) {
      last = d.decide(new long[] {0, 1_000}, new long[] {0, 20_000}, now())
          .ownCorrectionNanos()[1];
    }
    // P = (P_prior)(R)/(P_prior + R), P_prior = P + Q: the gain settles near 0.26
    assertTrue(last < -200 && last > -320, "steady correction of a 1 µs estimate " + last);
  }

  @Test
  void anEstimateWhoseRoundTripIsFarAboveTheRecentShortestIsRejected() {
    ClockDiscipline d = new ClockDiscipline(2, 500, 150, 0, 50, 1.5, 4);
    d.decide(new long[] {0, 1_000_000}, new long[] {0, 20_000}, now());
    assertEquals(SLEW,
        d.decide(new long[] {0, 1_000}, new long[] {0, 30_000}, now()).actions()[1]);
    ClockDiscipline.Decision stalled =
        d.decide(new long[] {0, -15_000}, new long[] {0, 30_001}, now());
    assertEquals(REJECT, stalled.actions()[1]);
    assertEquals(0, stalled.ownCorrectionNanos()[1]);
  }

  @Test
  void theShortestRoundTripIsForgottenAfterTheWindow() {
    ClockDiscipline d = new ClockDiscipline(2, 500, 150, 0, 50, 1.5, 2);
    d.decide(new long[] {0, 1_000_000}, new long[] {0, 10_000}, now());
    d.decide(new long[] {0, 100}, new long[] {0, 14_000}, now());
    d.decide(new long[] {0, 100}, new long[] {0, 14_000}, now()); // 10 µs leaves the window of 2
    assertEquals(SLEW,
        d.decide(new long[] {0, 100}, new long[] {0, 20_000}, now()).actions()[1]);
  }

  /**
   * A constant true offset seen through symmetric noise: the slewed clock ends far closer to the
   * truth than a single estimate is, which stepping on every estimate would give.
   */
  @Test
  void slewingAveragesTheEstimationNoise() {
    // The slave ahead of the master by 3 ms, 2 µs of estimation noise.
    double rms = simulate(7, 3_000_000, 0, 2_000, 400).rmsNanos();
    assertTrue(rms < 1_000, "residual offset " + rms + " ns against 2,000 ns of noise");
  }

  @Test
  void checksItsArguments() {
    assertThrows(IllegalArgumentException.class, () ->
        new ClockDiscipline(2, 0, 150, 0, 50, 1.5, 4));
    assertThrows(IllegalArgumentException.class, () ->
        new ClockDiscipline(2, 500, -1, 0, 50, 1.5, 4));
    assertThrows(IllegalArgumentException.class, () ->
        new ClockDiscipline(2, 500, 150, 0, 50, 0.5, 4));
    assertThrows(IllegalArgumentException.class, () ->
        new ClockDiscipline(2, 500, 150, 0, 50, 1.5, 0));
    ClockDiscipline d = new ClockDiscipline(2, 500, 150, 0, 50, 1.5, 4);
    assertThrows(IllegalArgumentException.class, () -> d.decide(new long[3], new long[3], 0));
  }

  /**
   * A slave 30 ppm fast, estimated with 0.5 µs of noise every 2 ms: the discipline learns the
   * rate, so the offset stays well under the 60 ns the slave drifts a round, and the rate
   * corrections add up to about -30 ppm.
   */
  @Test
  void theRateIsLearnedAndCorrected() {
    Residual residual = simulate(11, 1_000_000, 30, 500, 300);
    double rms = residual.rmsNanos();
    double ratePpm = residual.ratePpm();
    assertTrue(rms < 400, "residual offset " + rms + " ns");
    assertTrue(Math.abs(ratePpm) < 3, "residual rate " + ratePpm + " ppm");
  }

  /** However lopsided the estimates, the rate corrected in all stays within the drift bound. */
  @Test
  void theRateCorrectedInAllStaysWithinTheInitialUncertainty() {
    ClockDiscipline d = ClockDiscipline.standard(2); // rates unknown to 50 ppm
    double offset = 0;
    double ratePpm = 200; // beyond any clock of the population
    double corrected = 0;
    for (int round = 0; round < 300; round++) {
      offset += ratePpm * ROUND_NANOS * 1e-6;
      ClockDiscipline.Decision decision =
          d.decide(new long[] {0, Math.round(offset)}, new long[] {0, 20_000}, now());
      offset += decision.ownCorrectionNanos()[1];
      ratePpm += decision.rateCorrectionPpm()[1];
      corrected += decision.rateCorrectionPpm()[1];
      assertTrue(corrected >= -50 - 1e-9 && corrected <= 50 + 1e-9, "rate corrected " + corrected);
    }
  }

  @Test
  void aRoundTripWithinEightMicrosecondsOfTheShortestIsNeverRejected() {
    ClockDiscipline d = ClockDiscipline.standard(2);
    d.decide(new long[] {0, 1_000_000}, new long[] {0, 10_000}, now());
    assertEquals(SLEW, d.decide(new long[] {0, 100}, new long[] {0, 18_000}, now()).actions()[1]);
    assertEquals(REJECT,
        d.decide(new long[] {0, 100}, new long[] {0, 18_001}, now()).actions()[1]);
  }
}
