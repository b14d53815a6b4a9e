package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests of {@link BerkeleyParameters}: the defaults, the validation of every option (each failure
 * names the option at fault), the normalization of the faulty ranks, the check against the number
 * of ranks, and the unit conversions to nanoseconds.
 */
class BerkeleyParametersTest {
  private static final BerkeleyParameters D = BerkeleyParameters.DEFAULTS;

  /** A copy of the defaults with the faulty ranks and the faulty offset replaced. */
  private static BerkeleyParameters withFaulty(List<Integer> faultyRanks, double faultyOffsetMs) {
    Fields fields = new Fields();
    fields.faultyRanks = faultyRanks;
    fields.faultyOffsetMs = faultyOffsetMs;
    return fields.build();
  }

  @Test
  void moreGroupsThanRanksIsRefusedByName() {
    Fields fields = new Fields();
    fields.groups = 5;
    BerkeleyParameters five = fields.build();
    assertDoesNotThrow(() -> five.requireFitsRanks(5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> five.requireFitsRanks(4));
    assertEquals("--groups must be between 1 and the number of ranks (4), got 5", e.getMessage());
  }

  @Test
  void defaultsAreValidAndAsDocumented() {
    BerkeleyParameters copy = assertDoesNotThrow(() -> new Fields().build());

    assertEquals(D, copy);
    assertEquals(20, D.rounds());
    assertEquals(5, D.samples());
    assertEquals(50.0, D.spreadMs());
    assertEquals(20.0, D.driftPpm());
    assertEquals(1L, D.seed());
    assertEquals(List.of(), D.faultyRanks());
    assertEquals(10_000.0, D.faultyOffsetMs());
    assertEquals(100_000.0, D.toleranceUs());
    assertEquals(0L, D.intervalMs());
    assertEquals(1, D.groups());
    assertDoesNotThrow(() -> D.requireFitsRanks(1));
  }

  /**
   * The ten components of a {@link BerkeleyParameters}, starting as the defaults; a case changes
   * one of them and {@link #build()} makes the record (which validates).
   */
  private static final class Fields {
    int rounds = D.rounds();
    int samples = D.samples();
    double spreadMs = D.spreadMs();
    double driftPpm = D.driftPpm();
    long seed = D.seed();
    List<Integer> faultyRanks = D.faultyRanks();
    double faultyOffsetMs = D.faultyOffsetMs();
    double toleranceUs = D.toleranceUs();
    long intervalMs = D.intervalMs();
    int groups = D.groups();

    BerkeleyParameters build() {
      return new BerkeleyParameters(
          rounds,
          samples,
          spreadMs,
          driftPpm,
          seed,
          faultyRanks,
          faultyOffsetMs,
          toleranceUs,
          intervalMs,
          groups);
    }
  }

  static Stream<Arguments> invalidValues() {
    double yearAndADayMs = 366.0 * 24 * 3600 * 1000;
    return Stream.of(
        invalid("--rounds", "rounds 0", f -> f.rounds = 0),
        invalid("--groups", "groups 0", f -> f.groups = 0),
        invalid("--rounds", "rounds -3", f -> f.rounds = -3),
        invalid("--samples", "samples 0", f -> f.samples = 0),
        invalid("--spread-ms", "spread -1", f -> f.spreadMs = -1.0),
        invalid("--spread-ms", "spread NaN", f -> f.spreadMs = Double.NaN),
        invalid("--spread-ms", "spread infinite", f -> f.spreadMs = Double.POSITIVE_INFINITY),
        invalid("--drift-ppm", "drift -0.5", f -> f.driftPpm = -0.5),
        invalid("--drift-ppm", "drift NaN", f -> f.driftPpm = Double.NaN),
        invalid("--drift-ppm", "drift above one million", f -> f.driftPpm = 1_000_000.5),
        invalid("--tolerance-us", "tolerance -1", f -> f.toleranceUs = -1.0),
        invalid("--tolerance-us", "tolerance NaN", f -> f.toleranceUs = Double.NaN),
        invalid("--interval-ms", "interval -1", f -> f.intervalMs = -1L),
        invalid("--faulty", "faulty rank -1", f -> f.faultyRanks = List.of(2, -1)),
        invalid(
            "--faulty-offset-ms",
            "faulty offset +infinity",
            f -> f.faultyOffsetMs = Double.POSITIVE_INFINITY),
        invalid(
            "--faulty-offset-ms",
            "faulty offset -infinity",
            f -> f.faultyOffsetMs = Double.NEGATIVE_INFINITY),
        invalid("--faulty-offset-ms", "faulty offset NaN", f -> f.faultyOffsetMs = Double.NaN),
        invalid(
            "--faulty-offset-ms",
            "faulty offset beyond a year",
            f -> f.faultyOffsetMs = yearAndADayMs),
        invalid(
            "--faulty-offset-ms",
            "faulty offset beyond minus a year",
            f -> f.faultyOffsetMs = -yearAndADayMs));
  }

  /** A case: the defaults with {@code change} applied must be rejected naming {@code option}. */
  private static Arguments invalid(String option, String description, Consumer<Fields> change) {
    return Arguments.of(option, description, change);
  }

  @ParameterizedTest(name = "{1} -> {0}")
  @MethodSource("invalidValues")
  void invalidValueIsRejectedWithAMessageNamingTheOption(
      String option, String description, Consumer<Fields> change) {
    Fields fields = new Fields();
    change.accept(fields);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, fields::build, description);

    // "--faulty" must not be satisfied by "--faulty-offset-ms" and vice versa.
    String message = e.getMessage();
    assertTrue(message.startsWith(option + " "), "expected " + option + " in: " + message);
  }

  @Test
  void boundaryValuesAreAccepted() {
    double yearMs = 365.0 * 24 * 3600 * 1000;
    assertDoesNotThrow(
        () -> new BerkeleyParameters(1, 1, 0.0, 0.0, -5L, List.of(0), yearMs, 0.0, 0L));
    assertDoesNotThrow(
        () -> new BerkeleyParameters(1, 1, 0.0, 1_000_000.0, 0L, List.of(), -yearMs, 0.0, 0L));
  }

  @Test
  void faultyRanksAreDeduplicatedAndSorted() {
    BerkeleyParameters parameters = withFaulty(Arrays.asList(5, 1, 3, 1, 5, 0), 1.0);

    assertEquals(List.of(0, 1, 3, 5), parameters.faultyRanks());
    assertEquals(Set.of(0, 1, 3, 5), parameters.faultySet());
  }

  @Test
  void nullFaultyRanksMeanNone() {
    BerkeleyParameters parameters = withFaulty(null, 1.0);

    assertEquals(List.of(), parameters.faultyRanks());
    assertEquals(Set.of(), parameters.faultySet());
  }

  @Test
  void faultyRanksAreACopyImmuneToLaterChangesOfTheCallersList() {
    List<Integer> callers = new java.util.ArrayList<>(List.of(2));
    BerkeleyParameters parameters = withFaulty(callers, 1.0);
    callers.add(7);

    assertEquals(List.of(2), parameters.faultyRanks());
    assertThrows(UnsupportedOperationException.class, () -> parameters.faultyRanks().add(9));
  }

  @Test
  void requireFitsRanksAcceptsFaultyRanksBelowTheRankCount() {
    BerkeleyParameters parameters = withFaulty(List.of(0, 3), 1.0);

    assertDoesNotThrow(() -> parameters.requireFitsRanks(4));
    assertDoesNotThrow(() -> parameters.requireFitsRanks(100));
  }

  @ParameterizedTest(name = "faulty {0} with {1} ranks")
  @CsvSource({"4, 4", "9, 4", "1, 1"})
  void requireFitsRanksRejectsAFaultyRankThatDoesNotExist(int faultyRank, int ranks) {
    BerkeleyParameters parameters = withFaulty(List.of(0, faultyRank), 1.0);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parameters.requireFitsRanks(ranks));

    assertTrue(e.getMessage().contains("--faulty"), e.getMessage());
    assertTrue(e.getMessage().contains("rank " + faultyRank), e.getMessage());
    assertTrue(e.getMessage().contains("0 to " + (ranks - 1)), e.getMessage());
  }

  @ParameterizedTest(name = "{0} ms -> {1} ns")
  @CsvSource({
    "0.0, 0",
    "50.0, 50000000",
    "0.1, 100000",
    "1.5, 1500000",
    "0.0000004, 0",
    "0.0000006, 1",
    "31536000000.0, 31536000000000000",
  })
  void spreadNanosConvertsMilliseconds(double spreadMs, long expectedNanos) {
    BerkeleyParameters parameters =
        new BerkeleyParameters(1, 1, spreadMs, 0.0, 0L, List.of(), 0.0, 0.0, 0L);

    assertEquals(expectedNanos, parameters.spreadNanos());
  }

  @ParameterizedTest(name = "{0} us -> {1} ns")
  @CsvSource({"0.0, 0", "100000.0, 100000000", "0.25, 250", "1.0, 1000", "0.0004, 0", "0.0006, 1"})
  void toleranceNanosConvertsMicroseconds(double toleranceUs, long expectedNanos) {
    BerkeleyParameters parameters =
        new BerkeleyParameters(1, 1, 0.0, 0.0, 0L, List.of(), 0.0, toleranceUs, 0L);

    assertEquals(expectedNanos, parameters.toleranceNanos());
  }

  @ParameterizedTest(name = "{0} ms -> {1} ns")
  @CsvSource({
    "10000.0, 10000000000",
    "-2.5, -2500000",
    "0.001, 1000",
    "0.0, 0",
    "31536000000.0, 31536000000000000",
    "-31536000000.0, -31536000000000000",
  })
  void faultyOffsetNanosConvertsMillisecondsKeepingTheSign(
      double faultyOffsetMs, long expectedNanos) {
    assertEquals(expectedNanos, withFaulty(List.of(1), faultyOffsetMs).faultyOffsetNanos());
  }

  @Test
  void defaultsConvertToNanoseconds() {
    assertEquals(50_000_000L, D.spreadNanos());
    assertEquals(100_000_000L, D.toleranceNanos());
    assertEquals(10_000_000_000L, D.faultyOffsetNanos());
  }
}
