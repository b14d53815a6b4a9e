package org.mpjbench.launcher.compare;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bootstrap and the verdicts: seeded, so every assertion holds on every machine. */
class CompareBootstrapTest {
  private static final double[] TIMES_NS = {100, 104, 97, 101, 99, 103, 98, 102, 96, 100};
  private static final int RESAMPLES = Bootstrap.DEFAULT_RESAMPLES;

  private static double[] times(double factor) {
    double[] scaled = new double[TIMES_NS.length];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = TIMES_NS[i] * factor;
    }
    return scaled;
  }

  private static Subject subject(Direction direction) {
    return new Subject("ring", 4, direction == Direction.LOWER_IS_FASTER ? "median_latency_ns"
        : "ops_per_s", direction);
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    double[] b = {150, 210, 190, 260, 170, 230};
    Bootstrap.Ratio first = Bootstrap.ratioOfMedians(TIMES_NS, b, RESAMPLES, 7);
    Bootstrap.Ratio again = Bootstrap.ratioOfMedians(TIMES_NS, b, RESAMPLES, 7);
    Bootstrap.Ratio other = Bootstrap.ratioOfMedians(TIMES_NS, b, RESAMPLES, 8);
    assertEquals(first, again);
    assertFalse(first.equals(other), "another seed, another interval: " + first + " " + other);
  }

  @Test
  void twiceTheTimeIsSlowerWithAnIntervalAboveOne() {
    Comparison.Row row = Comparison.row(subject(Direction.LOWER_IS_FASTER), TIMES_NS, times(2),
        RESAMPLES, 1, null);
    assertAll(
        () -> assertEquals(2.0, row.ratio().ratio(), 1e-9),
        () -> assertTrue(row.ratio().low() > 1.8 && row.ratio().high() < 2.2, row::toString),
        () -> assertFalse(row.ratio().containsOne()),
        () -> assertEquals(Verdict.SLOWER, row.verdict()),
        () -> assertEquals(2.0, row.slowdown(), 1e-9));
  }

  @Test
  void twiceTheRateIsFaster() {
    Comparison.Row row = Comparison.row(subject(Direction.HIGHER_IS_FASTER), TIMES_NS, times(2),
        RESAMPLES, 1, null);
    assertEquals(Verdict.FASTER, row.verdict(), row::toString);
    assertEquals(0.5, row.slowdown(), 1e-9);
  }

  @Test
  void halfTheTimeIsFasterWithAnIntervalBelowOne() {
    Comparison.Row row = Comparison.row(subject(Direction.LOWER_IS_FASTER), TIMES_NS, times(0.5),
        RESAMPLES, 1, null);
    assertEquals(Verdict.FASTER, row.verdict(), row::toString);
    assertTrue(row.ratio().high() < 1, row::toString);
  }

  @Test
  void identicalSamplesShowNoDifference() {
    for (Direction direction : Direction.values()) {
      Comparison.Row row = Comparison.row(subject(direction), TIMES_NS, TIMES_NS.clone(),
          RESAMPLES, 1, null);
      assertAll(
          () -> assertEquals(1.0, row.ratio().ratio(), 1e-12),
          () -> assertTrue(row.ratio().containsOne(), row::toString),
          () -> assertEquals(Verdict.NO_DIFFERENCE, row.verdict()),
          () -> assertEquals("", row.note()));
    }
  }

  @Test
  void oneRunASideHasNoIntervalAndNoVerdict() {
    Comparison.Row row = Comparison.row(subject(Direction.LOWER_IS_FASTER), TIMES_NS,
        new double[] {300}, RESAMPLES, 1, null);
    assertAll(
        () -> assertEquals(3.0, row.ratio().ratio(), 1e-9),
        () -> assertFalse(row.ratio().hasInterval()),
        () -> assertEquals(Verdict.NO_DIFFERENCE, row.verdict()),
        () -> assertEquals("n=1, no interval", row.note()));
  }

  @Test
  void oneRunASideBeyondTheThresholdGetsAVerdict() {
    Subject time = subject(Direction.LOWER_IS_FASTER);
    assertEquals(Verdict.SLOWER, Comparison.row(time, new double[] {100}, new double[] {130},
        RESAMPLES, 1, 20.0).verdict());
    assertEquals(Verdict.NO_DIFFERENCE, Comparison.row(time, new double[] {100},
        new double[] {115}, RESAMPLES, 1, 20.0).verdict());
    assertEquals(Verdict.FASTER, Comparison.row(time, new double[] {100}, new double[] {50},
        RESAMPLES, 1, 20.0).verdict());
  }

  @Test
  void aZeroMedianOfAHasNoRatio() {
    Comparison.Row row = Comparison.row(new Subject("berkeley", 1, "final_skew_ns",
        Direction.LOWER_IS_FASTER), new double[] {0, 0, 0}, new double[] {0, 0, 0}, RESAMPLES, 1,
        null);
    assertEquals(Verdict.NO_RATIO, row.verdict());
  }

  @Test
  void directionsByUnit() {
    assertAll(
        () -> assertEquals(Direction.LOWER_IS_FASTER, Direction.ofColumn("final_skew_ns")),
        () -> assertEquals(Direction.LOWER_IS_FASTER, Direction.ofColumn("master_complete_s")),
        () -> assertEquals(Direction.HIGHER_IS_FASTER, Direction.ofColumn("ops_per_s")),
        () -> assertEquals(Direction.HIGHER_IS_FASTER, Direction.ofColumn("efficiency")),
        () -> assertEquals(null, Direction.ofColumn("draws")),
        () -> assertEquals(null, Direction.ofColumn("lines")));
  }

  @Test
  void slowerThanCountsOnlySignificantRowsBeyondThePercentage() {
    Comparison.Row twice = Comparison.row(subject(Direction.LOWER_IS_FASTER), TIMES_NS,
        times(2), RESAMPLES, 1, null);
    Comparison.Row same = Comparison.row(subject(Direction.HIGHER_IS_FASTER), TIMES_NS,
        TIMES_NS.clone(), RESAMPLES, 1, null);
    Comparison comparison = new Comparison(null, null, List.of(twice, same), RESAMPLES, 1, null);
    assertEquals(List.of(twice), comparison.slowerThan(50));
    assertEquals(List.of(), comparison.slowerThan(150));
  }
}
