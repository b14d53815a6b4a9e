package org.mpjbench.kernels.bully;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link BullyDescriptor}: its summary's lines, its figures. */
class BullyDescriptorTest {
  private final BullyDescriptor kernel = new BullyDescriptor();
  private final Latencies latency = new Latencies(101_000_000, 101_200_000, 101_200_000,
      101_200_000);
  private final BullyResult result = new BullyResult(
      PropertyCheck.held("every live rank agrees on coordinator 2", "3"), 7, 3, 2, 2, 0, 1,
      new BullyBounds(2, 15, 5, 9), List.of(3), 0, 2, new long[] {2, 2, 2, -1},
      new long[] {101_200_000, 100_900_000, 101_000_000, -1}, 101_000_000, 101_200_000, 100,
      latency);

  @Test
  void latencyLineShowsTheLiveRanksPercentiles() {
    assertEquals("  latency      last live rank knew the coordinator after 101 ms (per live rank"
        + " P50 101 ms, P90 101 ms, P99 101 ms, max 101 ms); timeout 100 ms",
        kernel.summary(ElectionParameters.DEFAULTS, result, new RunInfo(4, "multicore", 0.5))
            .get(3));
  }

  @Test
  void figuresAreOneElectionUntilAllKnow() {
    assertFigures(kernel.figures(result, 4), 1, 7L, 101_200_000L, null, null,
        "coordinator 2 known to every live rank after 101 ms; messages within bounds 5 to 9");
    assertSame(latency, kernel.figures(result, 4).latency());
  }
}
