package org.mpjbench.kernels.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link RingDescriptor}: its summary's lines, its figures. */
class RingDescriptorTest {
  private final RingDescriptor kernel = new RingDescriptor();
  private static final Latencies LATENCY =
      new Latencies(1_210_000, 1_400_000, 1_400_000, 1_400_000);

  private static RingResult result(Latencies latency) {
    RingPrediction.Counts counts = new RingPrediction.Counts(4, 3, 3, 1);
    return new RingResult(PropertyCheck.held("every live rank agrees on coordinator 2", "3"), 10,
        10, 1, counts, counts, List.of(3), 0, 2, new long[] {2, 2, 2, -1},
        new long[] {1_400_000, 1_000_000, 1_210_000, -1}, 1_210_000, 1_400_000, 100, latency);
  }

  @Test
  void latencyLineShowsTheLiveRanksPercentiles() {
    List<String> lines = kernel.summary(ElectionParameters.DEFAULTS, result(LATENCY),
        new RunInfo(4, "multicore", 0.5));
    assertEquals("  latency      last live rank knew the coordinator after 1.40 ms (per live rank"
        + " P50 1.21 ms, P90 1.40 ms, P99 1.40 ms, max 1.40 ms); timeout 100 ms", lines.get(3));
    assertEquals("  latency      last live rank knew the coordinator after 1.40 ms (median 1.21 ms);"
        + " timeout 100 ms", kernel.summary(ElectionParameters.DEFAULTS, result(null),
            new RunInfo(4, "multicore", 0.5)).get(3), "a result without percentiles");
  }

  @Test
  void figuresAreOneElectionUntilAllKnow() {
    assertFigures(kernel.figures(result(LATENCY), 4), 1, 10L, 1_400_000L, null, null,
        "coordinator 2 known to every live rank after 1.40 ms; 10 predicted");
    assertSame(LATENCY, kernel.figures(result(LATENCY), 4).latency());
    assertNull(kernel.figures(result(null), 4).latency());
  }
}
