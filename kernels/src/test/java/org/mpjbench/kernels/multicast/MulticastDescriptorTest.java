package org.mpjbench.kernels.multicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertOptionsGiveDefaultsOrRefuse;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertRegistered;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link MulticastDescriptor}: registered, its summary's lines, its figures, its options. */
class MulticastDescriptorTest {
  private final MulticastDescriptor kernel = new MulticastDescriptor();
  private final MulticastResult result = new MulticastResult("bcast", "none", 200, 800,
      200_000_000, 4_000.0, 312_097, 1_999_999, 600,
      PropertyCheck.held("every member delivers every message once", "800 deliveries"));

  @Test
  void isRegisteredUnderItsName() {
    assertRegistered("multicast", MulticastDescriptor.class);
  }

  @Test
  void summaryLinesAreTheCommandsOnes() {
    assertEquals(List.of(
        "multicast: 4 ranks, multicore, mode bcast, total order none, in 0.40 s",
        "  property     every member delivers every message once: holds (800 deliveries)",
        "  deliveries   800 of 200 messages in 200 ms: 4,000 deliveries/s",
        "  latency      send to delivery median 312 µs, max 2.00 ms",
        "  messages     600"),
        kernel.summary(MulticastParameters.DEFAULTS, result, new RunInfo(4, "multicore", 0.4)));
  }

  @Test
  void figuresCountMulticastsNotDeliveries() {
    Figures f = kernel.figures(result, 4);
    assertEquals(200, f.operations());
    assertEquals(312_097L, f.medianLatencyNanos());
    assertEquals(1_000.0, f.operationsPerSecond(), 1e-9);
    assertNull(f.baselineRoundTripNanos());
    assertEquals("800 deliveries, median latency 312 µs, 4,000 deliveries/s", f.headline());
  }

  @Test
  void optionsGiveTheParametersOrNameTheBadOne() {
    assertOptionsGiveDefaultsOrRefuse(new MulticastOptions(), MulticastParameters.DEFAULTS,
        "--mode must be bcast or p2p, got udp",
        "--mode", "udp");
  }
}
