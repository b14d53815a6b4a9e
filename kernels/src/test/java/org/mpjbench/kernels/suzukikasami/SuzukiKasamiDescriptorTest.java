package org.mpjbench.kernels.suzukikasami;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.mutex.MutexFigures;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link SuzukiKasamiDescriptor}: its summary's lines, its figures. */
class SuzukiKasamiDescriptorTest {
  private final SuzukiKasamiDescriptor kernel = new SuzukiKasamiDescriptor();
  private final MutexFigures figures = new MutexFigures(80, new long[] {20, 20, 20, 20},
      new long[] {60, 60, 60, 60}, 3.0, 412_000, 2_900_000, 200_000, 400_000_000, 200.0);
  private final Latencies latency = new Latencies(412_000, 1_100_000, 2_500_000, 2_900_000);
  private final SuzukiKasamiResult result = new SuzukiKasamiResult(
      PropertyCheck.held("mutual exclusion", "80 entries"), 240, 60, 20, figures, latency);

  @Test
  void summaryShowsTheWaitsPercentiles() {
    assertEquals(List.of(
        "suzuki-kasami: 4 ranks, multicore, 20 entries per rank in 0.61 s",
        "  property     mutual exclusion: holds (80 entries)",
        "  messages     240 = 3.00 per entry: 60 entries asked (4 messages each), 20 had the token"
            + " at hand (0)",
        "  waiting      P50 412 µs, P90 1.10 ms, P99 2.50 ms, max 2.90 ms per entry (holding:"
            + " 200 µs); 200 entries/s"),
        kernel.summary(MutexParameters.DEFAULTS, result, new RunInfo(4, "multicore", 0.605)));
  }

  @Test
  void figuresCountEntriesWithTheWaitsPercentiles() {
    assertFigures(kernel.figures(result, 4), 80, 240L, 412_000L, 200.0, null,
        "3.00 messages per entry (at most K = 4), median wait 412 µs, 200 entries/s");
    assertSame(latency, kernel.figures(result, 4).latency());
  }

  @Test
  void aResultWithoutPercentilesShowsMedianAndMax() {
    SuzukiKasamiResult old = new SuzukiKasamiResult(result.check(), 240, 60, 20, figures, null);
    assertNull(kernel.figures(old, 4).latency());
    assertEquals("  waiting      median 412 µs, max 2.90 ms per entry (holding: 200 µs); 200"
        + " entries/s",
        kernel.summary(MutexParameters.DEFAULTS, old, new RunInfo(4, "multicore", 0.6)).get(3));
  }
}
