package org.mpjbench.kernels.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link MulticastDescriptor}: its summary's lines, its figures. */
class MulticastDescriptorTest {
  private final MulticastDescriptor kernel = new MulticastDescriptor();
  private static final Latencies LATENCY = new Latencies(312_097, 700_000, 1_500_000, 1_999_999);
  private final MulticastResult result = new MulticastResult("bcast", "none", 200, 800,
      200_000_000, 4_000.0, 312_097, 1_999_999, 600,
      PropertyCheck.held("every member delivers every message once", "800 deliveries"), LATENCY);
  /** As read from a result file written before the distribution was kept. */
  private final MulticastResult old = new MulticastResult("bcast", "none", 200, 800,
      200_000_000, 4_000.0, 312_097, 1_999_999, 600,
      PropertyCheck.held("every member delivers every message once", "800 deliveries"));

  @Test
  void summaryLinesAreTheCommandsOnes() {
    assertEquals(List.of(
        "multicast: 4 ranks, multicore, mode bcast, total order none, in 0.40 s",
        "  property     every member delivers every message once: holds (800 deliveries)",
        "  deliveries   800 of 200 messages in 200 ms: 4,000 deliveries/s",
        "  latency      send to delivery median 312 µs; P50 312 µs, P90 700 µs, P99 1.50 ms,"
            + " max 2.00 ms",
        "  messages     600"),
        kernel.summary(MulticastParameters.DEFAULTS, result, new RunInfo(4, "multicore", 0.4)));
    assertEquals("  latency      send to delivery median 312 µs, max 2.00 ms",
        kernel.summary(MulticastParameters.DEFAULTS, old, new RunInfo(4, "multicore", 0.4))
            .get(3), "no distribution: the median and the max");
  }

  @Test
  void udpSummaryGivesWhatUdpDid() {
    MulticastResult reliable = new MulticastResult("bcast", "none", 200, 790, 200_000_000,
        3_950.0, 312_097, 1_999_999, 215, PropertyCheck.held(MulticastCheck.PROPERTY_RELIABLE,
            "4 member(s) each delivered all 200 messages once, in order"), "udp", true,
        "239.255.77.1:5000", "lo", 215, 597, 3, 1, 2, 4, 1, 3, 0, LATENCY);
    assertEquals(List.of(
        "multicast: 4 ranks, multicore, udp reliable to 239.255.77.1:5000 on lo, in 0.40 s",
        "  property     every member delivers every message exactly once, in sequence order:"
            + " holds (4 member(s) each delivered all 200 messages once, in order)",
        "  deliveries   790 of 200 messages in 200 ms: 3,950 deliveries/s",
        "  latency      send to delivery median 312 µs; P50 312 µs, P90 700 µs, P99 1.50 ms,"
            + " max 2.00 ms",
        "  datagrams    215 sent (TTL 1), 597 received by 3 member(s)",
        "  udp          lost 3, duplicates 1, reordered 2, garbage 4 (members' first pass)",
        "  repair       1 round(s): 3 repeated by multicast, 0 sent by MPI"),
        kernel.summary(MulticastParameters.DEFAULTS, reliable, new RunInfo(4, "multicore", 0.4)));
    assertTrue(kernel.figures(reliable, 4).headline()
        .endsWith("; udp lost 3, duplicates 1, reordered 2, repaired"));
    assertEquals(LATENCY, kernel.figures(reliable, 4).latency(), "the udp transport's too");
  }

  @Test
  void figuresCountMulticastsNotDeliveries() {
    assertFigures(kernel.figures(result, 4), 200, 600L, 312_097L, 1_000.0, null,
        "800 deliveries, median latency 312 µs, 4,000 deliveries/s");
    assertEquals(result.latency(), kernel.figures(result, 4).latency());
    assertEquals(null, kernel.figures(old, 4).latency(), "none in an older result file");
  }
}
