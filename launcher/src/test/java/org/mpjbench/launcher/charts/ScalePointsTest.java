package org.mpjbench.launcher.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.launcher.charts.ResultFixtures.berkeley;
import static org.mpjbench.launcher.charts.ResultFixtures.download;
import static org.mpjbench.launcher.charts.ResultFixtures.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.results.RunRecord;

/** {@link ScalePoints} and {@link ScaleChart}: round cost, E and exchange against K. */
class ScalePointsTest {
  private static final double EPSILON = 1e-9;

  @TempDir Path tmp;

  /** A Berkeley run of {@code ranks} whose round cost {@code roundTrips}, polling 5 times. */
  private static ObjectNode round(int ranks, double roundTrips) {
    ObjectNode run = berkeley(ranks, 5_000, 1_000);
    ((ObjectNode) run.at("/result/summary")).put("roundInRoundTrips", roundTrips);
    run.putObject("parameters").put("samples", 5);
    return run;
  }

  /** A download run with rank 0's median exchange {@code micros}. */
  private static ObjectNode exchange(int ranks, double efficiency, long micros) {
    ObjectNode run = download(ranks, 8, efficiency);
    ((ObjectNode) run.get("result")).put("medianExchangeNanos", micros * 1_000);
    return run;
  }

  @Test
  void eachRankCountIsTheMedianOfItsRunsBesideItsBound() {
    List<RunRecord> runs = records(round(8, 40), round(8, 50), round(8, 90), round(16, 100),
        round(1, 1), exchange(8, 0.99, 1_000), exchange(8, 0.97, 3_000), exchange(16, 0.98,
            2_000));
    ScalePoints points = ScalePoints.from(runs);
    assertEquals(List.of(8, 16), points.berkeley().stream().map(ScalePoints.Point::ranks)
        .toList(), "one rank polls nobody: no point");
    ScalePoints.Point eight = points.berkeley().get(0);
    assertEquals(50, eight.median(), EPSILON);
    assertEquals(40, eight.low(), EPSILON);
    assertEquals(90, eight.high(), EPSILON);
    assertEquals(7 * 5 + 1, eight.bound(), EPSILON, "(K-1)·samples+1");
    ScalePoints.Point download = points.download().get(0);
    assertEquals(0.98, download.median(), EPSILON);
    assertEquals(0.97, download.low(), EPSILON);
    assertEquals(2_000, download.bound(), EPSILON, "the median exchange, in µs");
  }

  @Test
  void onlySweepsPastFourRanksAreWorthTheChart() throws IOException {
    assertFalse(ScalePoints.worthDrawing(records(round(2, 20), round(4, 30),
        exchange(4, 0.99, 500))));
    List<RunRecord> runs = records(round(2, 20), round(8, 60), exchange(1, 1.0, 100),
        exchange(8, 0.99, 900));
    assertTrue(ScalePoints.worthDrawing(runs));
    Path png = ScaleChart.write(ScalePoints.from(runs), tmp);
    assertEquals(ScaleChart.FILE_NAME, png.getFileName().toString());
    assertTrue(Files.size(png) > 10_000, "a drawn chart");
    assertTrue(Charts.renderAll(runs, tmp.resolve("all")).stream()
        .anyMatch(p -> p.getFileName().toString().equals(ScaleChart.FILE_NAME)));
  }
}
