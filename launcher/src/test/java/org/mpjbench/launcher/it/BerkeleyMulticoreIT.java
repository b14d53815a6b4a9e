package org.mpjbench.launcher.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Berkeley kernel through the real MPJ Express runtime in its multicore configuration: the
 * clocks really converge, a faulty clock is really left out, and the result file holds what the
 * schema promises.
 */
class BerkeleyMulticoreIT {
  private static final long HUNDRED_MICROS_NANOS = 100_000;

  @TempDir Path results;

  @Test
  void oneRankIsItsOwnMasterAndHasNoSkew() throws Exception {
    LauncherRun run = LauncherRun.run(results, "run", "berkeley", "-np", "1", "--rounds", "5");
    JsonNode json = run.completeJson();
    assertEquals(1, json.get("ranks").asInt());
    assertEquals(5, json.at("/result/rounds").size());
    assertEquals(0, json.at("/result/summary/finalSkewNanos").asLong());
    assertEquals(0, json.at("/result/baselineRoundTripNanos").asLong());
  }

  @Test
  void fourRanksWithFiftyMillisecondsSpreadEndWithinHundredMicroseconds() throws Exception {
    LauncherRun run =
        LauncherRun.run(
            results, "run", "berkeley", "-np", "4", "--spread-ms", "50", "--rounds", "20");
    JsonNode json = run.completeJson();
    assertEquals("mpjbench.run/1", json.get("schema").asText());
    assertFalse(json.get("partial").asBoolean());
    assertEquals("berkeley", json.get("kernel").asText());
    assertEquals("multicore", json.get("device").asText());
    assertEquals(4, json.get("ranks").asInt());
    assertEquals(50.0, json.at("/parameters/spreadMs").asDouble());
    assertEquals(5, json.at("/parameters/samples").asInt(), "defaults are recorded too");
    assertEquals("0.44", json.at("/environment/mpjVersion").asText());
    assertFalse(json.at("/environment/javaVersion").asText().isEmpty());
    assertFalse(json.get("startTime").asText().isEmpty());
    assertEquals(4, json.get("rankHosts").size());

    JsonNode summary = json.at("/result/summary");
    long initialSkew = summary.get("initialSkewNanos").asLong();
    long finalSkew = summary.get("finalSkewNanos").asLong();
    assertTrue(initialSkew > 1_000_000, "the clocks start apart: " + initialSkew + " ns");
    assertTrue(finalSkew <= HUNDRED_MICROS_NANOS, "final true skew " + finalSkew + " ns");
    assertEquals(0, summary.get("excludedRanks").size());
    assertTrue(summary.get("roundsPerSecond").asDouble() > 0);
    assertTrue(json.at("/result/baselineRoundTripNanos").asLong() > 0);

    JsonNode rounds = json.at("/result/rounds");
    assertEquals(20, rounds.size());
    for (JsonNode round : rounds) {
      assertEquals(4, round.get("trueErrorAfterNanos").size());
      assertTrue(round.get("durationNanos").asLong() > 0);
    }
    run.expectOut("true skew");
  }

  @Test
  void aFaultyClockIsExcludedAndTheOthersStillAgree() throws Exception {
    LauncherRun run =
        LauncherRun.run(
            results, "run", "berkeley", "-np", "4", "--spread-ms", "50", "--rounds", "20",
            "--faulty", "3", "--faulty-offset-ms", "10000");
    run.expectExit(0);
    JsonNode json = run.json();
    JsonNode summary = json.at("/result/summary");
    assertEquals(List.of(3), ints(summary.get("excludedRanks")));
    assertEquals(List.of(3), ints(summary.get("faultyRanks")));
    for (JsonNode round : json.at("/result/rounds")) {
      assertEquals(List.of(3), ints(round.get("excludedRanks")), "round " + round.get("round"));
    }
    JsonNode lastErrors = json.at("/result/rounds/19/trueErrorAfterNanos");
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int rank = 0; rank < 3; rank++) {
      min = Math.min(min, lastErrors.get(rank).asLong());
      max = Math.max(max, lastErrors.get(rank).asLong());
    }
    assertTrue(max - min <= HUNDRED_MICROS_NANOS, "healthy clocks apart by " + (max - min));
    assertEquals(max - min, summary.get("finalSkewNanos").asLong());
    assertTrue(lastErrors.get(3).asLong() > 9_000_000_000L, "rank 3 stays 10 s off");
    run.expectOut("excluded      rank 3");
  }

  @Test
  void inGroupsTheSubmastersOffsetsCarryTheirGroupsEvenWhenASubmasterIsFaulty() throws Exception {
    // 8 ranks in 3 groups: {0, 1}, {2, 3, 4} and {5, 6, 7}; submaster 5's clock is broken, so
    // ranks 6 and 7 are known to the master only through it.
    LauncherRun run =
        LauncherRun.run(
            results, "run", "berkeley", "-np", "8", "--groups", "3", "--spread-ms", "50",
            "--rounds", "20", "--faulty", "5", "--faulty-offset-ms", "10000");
    run.expectExit(0);
    JsonNode json = run.json();
    assertEquals(3, json.at("/parameters/groups").asInt());
    JsonNode summary = json.at("/result/summary");
    assertEquals(List.of(5), ints(summary.get("excludedRanks")));
    JsonNode last = json.at("/result/rounds/19");
    for (int rank = 1; rank < 8; rank++) {
      long error = last.get("estimationErrorNanos").get(rank).asLong();
      assertTrue(Math.abs(error) <= HUNDRED_MICROS_NANOS,
          "rank " + rank + "'s offset estimated " + error + " ns off");
    }
    assertTrue(last.get("roundTripNanos").get(6).asLong()
        > last.get("roundTripNanos").get(5).asLong(), "6's round trip adds 5's own");
    assertTrue(summary.get("finalSkewNanos").asLong() <= HUNDRED_MICROS_NANOS,
        "healthy clocks apart by " + summary.get("finalSkewNanos").asLong() + " ns");
    assertTrue(last.get("trueErrorAfterNanos").get(5).asLong() > 9_000_000_000L,
        "rank 5 stays 10 s off");
  }

  @Test
  void moreGroupsThanRanksIsRefusedBeforeAnyRankStarts() throws Exception {
    LauncherRun run =
        LauncherRun.run(results, "run", "berkeley", "-np", "4", "--groups", "5");
    run.expectExit(2);
    assertTrue(run.err().contains(
        "--groups must be between 1 and the number of ranks (4), got 5"), run.err());
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asInt()));
    return values;
  }
}
