package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link DownloadDescriptor#summary}: the exchange's tail beside its median. */
class DownloadSummaryTest {
  private static DownloadResult result(Latencies exchange) {
    return new DownloadResult(1000, 250.0, 5, 7485.5, 7.49, 7800, 7.6, 7.8, 0.999, 7.9,
        "SUBMIT OK", true, 40_000, "ab", 390, 496_000, List.of(),
        List.of(new DownloadResult.RankFigures(0, 2000, 1950, 1, 10, 0)), exchange);
  }

  @Test
  void theExchangeDistributionFollowsTheRequestsLine() {
    List<String> lines = new DownloadDescriptor().summary(null,
        result(new Latencies(496_000, 1_200_000, 4_100_000, 9_900_000)),
        new RunInfo(4, "multicore", 8.2));
    assertTrue(lines.stream().anyMatch(l -> l.contains("390 exchanges, median 496 µs")),
        lines::toString);
    assertEquals("  exchange      rank 0's time per exchange P50 496 µs, P90 1.20 ms, P99 4.10 ms,"
        + " max 9.90 ms", lines.get(lines.size() - 1));
  }

  @Test
  void aResultWrittenBeforeTheDistributionHasNoExchangeLine() {
    List<String> lines = new DownloadDescriptor().summary(null, result(null),
        new RunInfo(4, "multicore", 8.2));
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("  exchange")), lines::toString);
  }
}
