package org.mpjbench.kernels.lamport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;
import picocli.CommandLine;

/** {@link LamportDescriptor}: its summary's lines, its figures, its options. */
class LamportDescriptorTest {
  private final LamportDescriptor kernel = new LamportDescriptor();

  private static final Latencies LATENCY = new Latencies(330_208, 610_000, 1_200_000, 1_500_000);

  private static LamportResult result(long messages, boolean vector, long patternNanos) {
    return result(messages, vector, patternNanos, LATENCY);
  }

  private static LamportResult result(long messages, boolean vector, long patternNanos,
      Latencies latency) {
    PropertyCheck stamps = PropertyCheck.held("send stamped below receive", "200 pairs");
    PropertyCheck vectors = PropertyCheck.held("vectors match happened-before", "all pairs");
    List<PropertyCheck> checks = vector ? List.of(stamps, vectors) : List.of(stamps);
    return new LamportResult(2 * messages + 10, 10, messages, vector, 307, 330_208, 1_500_000,
        patternNanos, checks, stamps, latency);
  }

  @Test
  void summaryHasOnePropertyLinePerChecker() {
    assertEquals(List.of(
        "lamport: 4 ranks, multicore, 2,010 events with vector clocks in 0.75 s",
        "  property     send stamped below receive: holds (200 pairs)",
        "  property     vectors match happened-before: holds (all pairs)",
        "  messages     1,000 (10 local events); largest Lamport stamp 307",
        "  per message  send to receive median 330 µs; P50 330 µs, P90 610 µs, P99 1.20 ms,"
            + " max 1.50 ms; pattern took 100 ms"),
        kernel.summary(LamportParameters.DEFAULTS, result(1_000, true, 100_000_000),
            new RunInfo(4, "multicore", 0.75)));
    List<String> old = kernel.summary(LamportParameters.DEFAULTS,
        result(1_000, true, 100_000_000, null), new RunInfo(4, "multicore", 0.75));
    assertEquals("  per message  send to receive median 330 µs, max 1.50 ms; pattern took 100 ms",
        old.get(old.size() - 1), "a result file from before the distribution");
  }

  @Test
  void figuresTimeTheMessages() {
    assertFigures(kernel.figures(result(200, false, 100_000_000), 4), 200, 200L, 330_208L,
        2_000.0, null, "median message 330 µs, 410 events, largest Lamport stamp 307");
    assertTrue(kernel.figures(result(0, true, 6_424_650), 1).headline()
        .equals("no messages with 1 rank, 10 events, largest Lamport stamp 307, vector clocks"));
    assertNull(kernel.figures(result(5, false, 0), 2).operationsPerSecond());
    assertEquals(LATENCY, kernel.figures(result(200, false, 100_000_000), 4).latency(),
        "the result's distribution");
  }

  @Test
  void optionsCheckTheVectorTraceAgainstTheRanks() {
    LamportOptions options = new LamportOptions();
    assertEquals(LamportParameters.DEFAULTS, options.parameters(4));
    new CommandLine(options).parseArgs("--vector", "--messages", "2000", "--local-events", "3");
    options.parameters(1);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> options.parameters(4));
    assertTrue(e.getMessage().startsWith("--vector with --messages 2000 and --local-events 3 on"
        + " 4 ranks"), e.getMessage());
    new CommandLine(options).parseArgs("--messages", "-1");
    e = assertThrows(IllegalArgumentException.class, () -> options.parameters(4));
    assertEquals("--messages must be between 0 and 2000, got -1", e.getMessage());
  }
}
