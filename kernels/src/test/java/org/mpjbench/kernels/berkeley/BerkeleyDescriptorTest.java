package org.mpjbench.kernels.berkeley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link BerkeleyDescriptor}: its figures and the summary's round lines. */
class BerkeleyDescriptorTest {
  private final BerkeleyDescriptor kernel = new BerkeleyDescriptor();

  private static BerkeleyRound round(int number, long durationNanos) {
    long[] three = new long[3];
    return new BerkeleyRound(number, durationNanos, three, three, 0, 0, List.of(), three, three,
        three, three, 784);
  }

  private static BerkeleyResult result(Latencies latency) {
    return new BerkeleyResult(new long[3], 20_000,
        List.of(round(1, 1_000_000), round(2, 2_000_000), round(3, 9_000_000)),
        new BerkeleyResult.Summary(27_000_000, 784, List.of(), List.of(), 2_000_000, 250.0,
            100.0, 1_500),
        latency);
  }

  @Test
  void figuresCarryTheRoundsDistribution() {
    Latencies latency = new Latencies(2_000_000, 9_000_000, 9_000_000, 9_000_000);
    Figures f = kernel.figures(result(latency), 3);
    assertEquals(3, f.operations());
    assertEquals(2_000_000L, f.medianLatencyNanos());
    assertEquals(latency, f.latency());
    assertEquals("final skew 784 ns", f.headline());
    assertNull(kernel.figures(result(null), 3).latency(), "a result file from before it");
  }

  @Test
  void theSummaryShowsTheTailBelowTheMedian() {
    List<String> lines = kernel.summary(BerkeleyParameters.DEFAULTS,
        result(new Latencies(2_000_000, 9_000_000, 9_000_000, 9_000_000)),
        new RunInfo(3, "multicore", 1.234));
    assertEquals(List.of(
        "  round         median 2.00 ms = 100.0 MPI round trips of 20.0 µs; 250 rounds/s",
        "  round times   P50 2.00 ms, P90 9.00 ms, P99 9.00 ms, max 9.00 ms"),
        lines.subList(lines.size() - 2, lines.size()));
    List<String> old = kernel.summary(BerkeleyParameters.DEFAULTS, result(null),
        new RunInfo(3, "multicore", 1.234));
    assertEquals(lines.size() - 1, old.size(), "no distribution, no line");
  }
}
