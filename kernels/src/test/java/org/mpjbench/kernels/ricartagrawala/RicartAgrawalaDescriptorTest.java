package org.mpjbench.kernels.ricartagrawala;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mutex.MutexFigures;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link RicartAgrawalaDescriptor}: its summary's lines, its figures. */
class RicartAgrawalaDescriptorTest {
  private final RicartAgrawalaDescriptor kernel = new RicartAgrawalaDescriptor();
  private final Latencies latency = new Latencies(650_000, 1_200_000, 3_100_000, 4_000_000);
  private final RicartAgrawalaResult result = new RicartAgrawalaResult(
      PropertyCheck.held("mutual exclusion", "80 entries"), 480, 480,
      new MutexFigures(80, new long[] {20, 20, 20, 20}, new long[] {120, 120, 120, 120}, 6.0,
          650_000, 4_000_000, 200_000, 400_000_000, 200.0),
      latency);

  @Test
  void summaryShowsTheWaitsPercentiles() {
    assertEquals(List.of(
        "ricart-agrawala: 4 ranks, multicore, 20 entries per rank in 0.61 s",
        "  property     mutual exclusion: holds (80 entries)",
        "  messages     480 = 6.00 per entry (2(K-1) = 6 expected: 480)",
        "  waiting      P50 650 µs, P90 1.20 ms, P99 3.10 ms, max 4.00 ms per entry (holding:"
            + " 200 µs); 200 entries/s"),
        kernel.summary(MutexParameters.DEFAULTS, result, new RunInfo(4, "multicore", 0.605)));
  }

  @Test
  void figuresCountEntriesWithTheWaitsPercentiles() {
    assertFigures(kernel.figures(result, 4), 80, 480L, 650_000L, 200.0, null,
        "6.00 messages per entry (2(K−1) = 6), median wait 650 µs, 200 entries/s");
    assertSame(latency, kernel.figures(result, 4).latency());
  }
}
