package org.mpjbench.kernels.cristian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertFigures;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertOneSyncPerClient;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.RunInfo;

/** {@link CristianDescriptor}: its summary's lines, its figures. */
class CristianDescriptorTest {
  private final CristianDescriptor kernel = new CristianDescriptor();

  private static CristianResult.Client client(int rank, long syncNanos) {
    return new CristianResult.Client(rank, 500_000, 700_000, -1_234_567, 9_000, 150_000, 260_000,
        syncNanos);
  }

  private static CristianResult result(long baseline, List<CristianResult.Client> clients) {
    return new CristianResult(clients, 27_000_000, 163_079, 689_179, baseline, 11_111_273,
        16L * clients.size(), PropertyCheck.held("every client's true error within bound",
            "3 clients"), Latencies.of(
                clients.stream().mapToLong(CristianResult.Client::syncNanos).toArray()));
  }

  @Test
  void summaryLinesAreTheCommandsOnes() {
    List<String> lines = kernel.summary(CristianParameters.DEFAULTS,
        result(265_839, List.of(client(1, 9_112_148), client(2, 8_000_000))),
        new RunInfo(3, "multicore", 1.234));
    assertEquals(List.of(
        "cristian: 3 ranks, multicore, 2 client(s) in 1.23 s",
        "  property     every client's true error within bound: holds (3 clients)",
        "  true error   largest 27.0 ms before, 163 µs after the sync",
        "  rank 1       RTT min 500 µs, median 700 µs; stepped -1.23 ms; error after 150 µs"
            + " (bound 260 µs)",
        "  rank 2       RTT min 500 µs, median 700 µs; stepped -1.23 ms; error after 150 µs"
            + " (bound 260 µs)",
        "  sync         P50 8.56 ms, P90 9.11 ms, P99 9.11 ms, max 9.11 ms",
        "  messages     32; round trip median 689 µs (MPI ping-pong 266 µs); longest sync"
            + " 11.1 ms"), lines);
    List<String> alone = kernel.summary(CristianParameters.DEFAULTS, result(0, List.of()),
        new RunInfo(1, "multicore", 0.5));
    assertEquals("  messages     0; round trip median 689 µs; longest sync 11.1 ms",
        alone.get(alone.size() - 1), "no ping-pong measured, none shown");
  }

  @Test
  void figuresCountOneSyncPerClientAtTheMedianSync() {
    assertFigures(kernel.figures(result(265_839, List.of(client(1, 9_112_148),
        client(2, 11_111_273), client(3, 8_000_000))), 4), 3, 48L, 9_112_148L, null, 265_839L,
        "round trip median 689 µs (ping-pong 266 µs), true error after the sync at most 163 µs");
    CristianResult three = result(265_839, List.of(client(1, 9_112_148), client(2, 11_111_273),
        client(3, 8_000_000)));
    assertEquals(new Latencies(9_112_148, 11_111_273, 11_111_273, 11_111_273),
        three.latency(), "of every client's sync");
    assertEquals(three.latency(), kernel.figures(three, 4).latency());
    assertEquals(three.latency().p50Nanos(), kernel.figures(three, 4).medianLatencyNanos(),
        "P50 is the median sync");
    assertOneSyncPerClient(kernel, result(1, List.of(client(1, 1_000), client(2, 3_000))),
        result(0, List.of()));
  }

  @Test
  void finalSkewIsTheSpreadOfTheClientsErrorsAndTheServers() {
    CristianResult.Client ahead = new CristianResult.Client(1, 1, 1, 1, 1, 40_000, 1, 1);
    CristianResult.Client behind = new CristianResult.Client(2, 1, 1, 1, 1, -25_000, 1, 1);
    CristianResult.Client close = new CristianResult.Client(3, 1, 1, 1, 1, 5_000, 1, 1);
    assertEquals(65_000L, CristianDescriptor.finalSkewNanos(result(1, List.of(ahead, behind,
        close))), "from 25 µs behind the server to 40 µs ahead");
    assertEquals(40_000L, CristianDescriptor.finalSkewNanos(result(1, List.of(ahead, close))),
        "all ahead: the server's 0 is the low end");
    assertEquals(0L, CristianDescriptor.finalSkewNanos(result(0, List.of())), "one rank");
    assertEquals("final_skew_ns", kernel.ownColumns().get(0).name());
  }
}
