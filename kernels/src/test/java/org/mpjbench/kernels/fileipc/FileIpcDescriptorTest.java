package org.mpjbench.kernels.fileipc;

import org.mpjbench.kernels.spi.Latencies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mpjbench.kernels.spi.DescriptorAssertions.assertOptionsGiveDefaultsOrRefuse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;
import picocli.CommandLine;

/** {@link FileIpcDescriptor}: its options, its figures, its summary. */
class FileIpcDescriptorTest {
  private final FileIpcDescriptor kernel = new FileIpcDescriptor();

  private static FileIpcResult result(String mode, long baseline) {
    boolean pingPong = FileIpcParameters.PING_PONG.equals(mode);
    return new FileIpcResult(mode, 1_000, 64,
        pingPong ? "round trip through the files" : "one-way delivery",
        new Latencies(45_000, 80_000, 310_000, 1_200_000), 21_000, 18_500.0,
        List.of(new FileIpcResult.Reader(1, "records", 1_000, 21_000, 900_000)), baseline,
        baseline == 0 ? 0 : 1_000, pingPong ? 2_000 : 1_000, "/work/file-ipc-123", true,
        PropertyCheck.held(FileIpcCheck.PROPERTY, "1 reader(s) x 1000 records"));
  }

  @Test
  void optionsGiveTheParametersOrNameTheBadOne(@TempDir Path dir) {
    assertOptionsGiveDefaultsOrRefuse(new FileIpcOptions(), FileIpcParameters.DEFAULTS,
        "--lines must be between 1 and 100000, got 0", "--lines", "0");
    assertOptionsGiveDefaultsOrRefuse(new FileIpcOptions(), FileIpcParameters.DEFAULTS,
        "--bytes must be between 24 and 1048576, got 16", "--bytes", "16");
    assertOptionsGiveDefaultsOrRefuse(new FileIpcOptions(), FileIpcParameters.DEFAULTS,
        "--mode must be stream or ping-pong, got pingpong", "--mode", "pingpong");
    assertOptionsGiveDefaultsOrRefuse(new FileIpcOptions(), FileIpcParameters.DEFAULTS,
        "--timeout-ms must be between 1 and 3600000, got 0", "--timeout-ms", "0");
    assertOptionsGiveDefaultsOrRefuse(new FileIpcOptions(), FileIpcParameters.DEFAULTS,
        "--dir must be an existing folder, got " + dir.resolve("missing"),
        "--dir", dir.resolve("missing").toString());

    FileIpcOptions options = new FileIpcOptions();
    new CommandLine(options).parseArgs("--dir", dir.toString(), "--mode", "ping-pong",
        "--sync", "--bytes", "4096");
    assertEquals(new FileIpcParameters(1_000, 4_096, "ping-pong", true, dir.toString(),
        10_000), options.parameters(2));
    assertEquals(IllegalArgumentException.class, assertThrows(IllegalArgumentException.class,
        () -> new FileIpcParameters(1, 64, "stream", false, "relative", 1)).getClass());
  }

  @Test
  void figuresAreTheHeadlineLatencyBesideTheMpiPingPong() {
    Figures f = kernel.figures(result("ping-pong", 30_000), 2);
    assertEquals(1_000, f.operations());
    assertEquals(2_000L, f.messages());
    assertEquals(45_000L, f.medianLatencyNanos());
    assertEquals(18_500.0, f.operationsPerSecond());
    assertEquals(30_000L, f.baselineRoundTripNanos());
    assertEquals("ping-pong: round trip through the files P50 45.0 µs, P99 310 µs"
        + " (MPI ping-pong 30.0 µs), 18,500 records/s", f.headline());
    assertEquals("stream: one-way delivery P50 45.0 µs, P99 310 µs, 18,500 records/s",
        kernel.figures(result("stream", 0), 1).headline());
    // The tail, which a median hides (a filesystem's flushes, NFS's caches), in the shared figures.
    assertEquals(new Latencies(45_000, 80_000, 310_000, 1_200_000), f.latency());
    assertEquals(List.of(), kernel.ownColumns());
  }

  @Test
  void summaryLines() {
    List<String> lines = kernel.summary(FileIpcParameters.DEFAULTS, result("stream", 30_000),
        new RunInfo(2, "multicore", 1.5));
    assertEquals(List.of(
        "file-ipc: 2 ranks, multicore, stream, 1,000 records of 64 B in 1.50 s",
        "  property     every reader got every record once, in order, intact: holds (1 reader(s)"
            + " x 1000 records)",
        "  latency      one-way delivery P50 45.0 µs, P90 80.0 µs, P99 310 µs, max 1.20 ms;"
            + " 18,500 records/s",
        "  baseline     MPI ping-pong of 64 B between ranks 0 and 1: round trip median 30.0 µs"
            + " (1,000 exchanges)",
        "  rank 1       records: 1,000 read, median 21.0 µs, max 900 µs",
        "  files        in /work/file-ipc-123 (created by the run, removed)",
        "  clocks       one-way = reader's nanoTime - writer's: true on one host, two clocks"
            + " across hosts (trust the round trip there)",
        "  messages     1,000 records through the files"), lines);
    List<String> alone = kernel.summary(FileIpcParameters.DEFAULTS, result("stream", 0),
        new RunInfo(1, "multicore", 1.5));
    assertEquals("  baseline     no MPI ping-pong with 1 rank", alone.get(3));
    assertEquals("  one rank     rank 0 read each record back itself", alone.get(6));
  }
}
