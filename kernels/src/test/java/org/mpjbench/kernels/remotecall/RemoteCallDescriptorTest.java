package org.mpjbench.kernels.remotecall;

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

/** {@link RemoteCallDescriptor}: its summary's lines, its figures. */
class RemoteCallDescriptorTest {
  private final RemoteCallDescriptor kernel = new RemoteCallDescriptor();

  private static final Latencies LATENCY = new Latencies(275_812, 402_000, 871_000, 1_020_000);

  private static RemoteCallResult result(long baseline) {
    return result(baseline, LATENCY);
  }

  private static RemoteCallResult result(long baseline, Latencies latency) {
    return new RemoteCallResult(3, 3, 600, 61, 3251.3, 275_812, 1_020_000, baseline, 1206,
        PropertyCheck.held("every call answered once, right", "600 calls"), latency);
  }

  @Test
  void summaryLinesAreTheCommandsOnes() {
    assertEquals(List.of(
        "remote-call: 4 ranks, niodev, service on rank 3, 3 client(s) in 1.00 s",
        "  property     every call answered once, right: holds (600 calls)",
        "  calls        600 (61 errors), 3,251 per second",
        "  messages     1,206; call round trip P50 276 µs (MPI ping-pong 233 µs), P90 402 µs,"
            + " P99 871 µs, max 1.02 ms"),
        kernel.summary(RemoteCallParameters.DEFAULTS, result(233_181),
            new RunInfo(4, "niodev", 1.0)));
    assertEquals("  messages     1,206; call round trip P50 276 µs, P90 402 µs, P99 871 µs, max"
        + " 1.02 ms",
        kernel.summary(RemoteCallParameters.DEFAULTS, result(0), new RunInfo(1, "multicore", 1))
            .get(3), "no ping-pong with one rank, none shown");
  }

  @Test
  void aResultWithoutPercentilesShowsMedianAndMax() {
    RemoteCallResult old = result(233_181, null);
    assertEquals("  messages     1,206; call round trip median 276 µs (MPI ping-pong 233 µs), max"
        + " 1.02 ms",
        kernel.summary(RemoteCallParameters.DEFAULTS, old, new RunInfo(4, "niodev", 1.0)).get(3));
    assertNull(kernel.figures(old, 4).latency());
  }

  @Test
  void figuresCountCallsBesideThePingPong() {
    assertFigures(kernel.figures(result(233_181), 4), 600, 1206L, 275_812L, 3251.3, 233_181L,
        "600 calls, median 276 µs (ping-pong 233 µs), 3,251 calls/s");
    assertSame(LATENCY, kernel.figures(result(233_181), 4).latency());
    assertEquals("600 calls, median 276 µs, 3,251 calls/s", kernel.figures(result(0), 1)
        .headline());
  }
}
