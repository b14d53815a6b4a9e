package org.mpjbench.kernels.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link NamingDescriptor}: its summary's lines, its figures. */
class NamingDescriptorTest {
  private final NamingDescriptor kernel = new NamingDescriptor();
  private final NamingResult result = new NamingResult(3, 60, 600, 540, 60, 1977.76, 441_426,
      2_345_678, 1320, PropertyCheck.held("every answer right", "600 answers"),
      new Latencies(441_426, 812_000, 1_630_000, 2_345_678));

  @Test
  void summaryLinesAreTheCommandsOnes() {
    assertEquals(List.of(
        "naming: 4 ranks, multicore, 3 client(s), 60 names in 0.61 s",
        "  property     every answer right: holds (600 answers)",
        "  lookups      600 (540 found, 60 missed), 1,978 per second",
        "  messages     1,320; lookup round trip P50 441 µs, P90 812 µs, P99 1.63 ms, max 2.35 ms"),
        kernel.summary(NamingParameters.DEFAULTS, result, new RunInfo(4, "multicore", 0.605)));
  }

  @Test
  void aResultWithoutPercentilesShowsMedianAndMax() {
    NamingResult old = new NamingResult(3, 60, 600, 540, 60, 1977.76, 441_426, 2_345_678, 1320,
        result.check(), null);
    assertEquals("  messages     1,320; lookup round trip median 441 µs, max 2.35 ms",
        kernel.summary(NamingParameters.DEFAULTS, old, new RunInfo(4, "multicore", 0.6)).get(3));
    assertNull(kernel.figures(old, 4).latency());
  }

  @Test
  void figuresCountLookups() {
    assertFigures(kernel.figures(result, 4), 600, 1320L, 441_426L, 1977.76, null,
        "540 resolved, 60 missed, median lookup 441 µs, 1,978 lookups/s");
    assertSame(result.latency(), kernel.figures(result, 4).latency());
  }
}
