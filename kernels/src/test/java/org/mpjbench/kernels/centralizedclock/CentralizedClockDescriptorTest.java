package org.mpjbench.kernels.centralizedclock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertOneSyncPerClient;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.OwnColumn;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link CentralizedClockDescriptor}: its summary, its figures. */
class CentralizedClockDescriptorTest {
  private final CentralizedClockDescriptor kernel = new CentralizedClockDescriptor();

  private static CentralizedClockResult.Client client(int rank, long syncNanos) {
    return new CentralizedClockResult.Client(rank, 120_000, -1_234_567, 9_000, -45_000, 120_090,
        syncNanos);
  }

  private static CentralizedClockResult result(long baseline,
      List<CentralizedClockResult.Client> clients) {
    return new CentralizedClockResult(clients, 41_000_000, 52_000, 27_000_000, 61_000, -43_210,
        130_000, baseline, 411_273, 2L * clients.size(),
        PropertyCheck.held("every client's true error within bound", "3 clients"),
        Latencies.of(
            clients.stream().mapToLong(CentralizedClockResult.Client::syncNanos).toArray()));
  }

  @Test
  void summaryLinesAreTheCommandsOnes() {
    List<String> lines = kernel.summary(CentralizedClockParameters.DEFAULTS,
        result(65_839, List.of(client(1, 300_000), client(2, 411_273))),
        new RunInfo(3, "multicore", 1.234));
    assertEquals(List.of(
        "centralized-clock: 3 ranks, multicore, 2 client(s) in 1.23 s",
        "  property     every client's true error within bound: holds (3 clients)",
        "  true skew    41.0 ms before, 52.0 µs after the sync",
        "  true error   largest 27.0 ms before, 61.0 µs after the sync; mean after -43.2 µs"
            + " (negative: behind the server)",
        "  rank 1       RTT 120 µs; stepped -1.23 ms; error after -45.0 µs (bound 120 µs)",
        "  rank 2       RTT 120 µs; stepped -1.23 ms; error after -45.0 µs (bound 120 µs)",
        "  sync         P50 356 µs, P90 411 µs, P99 411 µs, max 411 µs",
        "  messages     4; round trip median 130 µs (MPI ping-pong 65.8 µs); longest sync"
            + " 411 µs"), lines);
    List<String> alone = kernel.summary(CentralizedClockParameters.DEFAULTS,
        result(0, List.of()), new RunInfo(1, "multicore", 0.5));
    assertEquals("  messages     0; round trip median 130 µs; longest sync 411 µs",
        alone.get(alone.size() - 1), "no ping-pong measured, none shown");
    assertEquals("  true error   largest 27.0 ms before, 61.0 µs after the sync", alone.get(3),
        "no client, no mean");
  }

  @Test
  void figuresCountOneSyncPerClientAtTheMedianSync() {
    assertFigures(kernel.figures(result(65_839, List.of(client(1, 300_000),
        client(2, 411_273), client(3, 200_000))), 4), 3, 6L, 300_000L, null, 65_839L,
        "round trip median 130 µs (ping-pong 65.8 µs), true skew 52.0 µs after the sync, mean"
            + " error -43.2 µs");
    CentralizedClockResult three = result(65_839, List.of(client(1, 300_000),
        client(2, 411_273), client(3, 200_000)));
    assertEquals(new Latencies(300_000, 411_273, 411_273, 411_273), three.latency(),
        "of every client's sync");
    assertEquals(three.latency(), kernel.figures(three, 4).latency());
    assertEquals(three.latency().p50Nanos(), kernel.figures(three, 4).medianLatencyNanos(),
        "P50 is the median sync");
    assertOneSyncPerClient(kernel, result(1, List.of(client(1, 1_000), client(2, 3_000))),
        result(0, List.of()));
    assertEquals(2.0, kernel.meaning().expectation().perRanks().applyAsDouble(5));
  }

  @Test
  void ownColumnsAreTheFinalSkewAndTheSignedMeanError() {
    List<OwnColumn<CentralizedClockResult>> columns = kernel.ownColumns();
    assertEquals(List.of("final_skew_ns", "mean_error_after_ns"),
        columns.stream().map(OwnColumn::name).toList());
    CentralizedClockResult r = result(1, List.of(client(1, 1_000)));
    assertEquals("52000", columns.get(0).format(columns.get(0).value().applyAsDouble(r)));
    assertEquals("-43210", columns.get(1).format(columns.get(1).value().applyAsDouble(r)));
  }
}
