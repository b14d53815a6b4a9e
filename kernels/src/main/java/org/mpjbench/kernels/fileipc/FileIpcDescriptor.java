package org.mpjbench.kernels.fileipc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.Rates;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * Inter-process communication through a shared file, {@code mpjbench run file-ipc}: its options
 * ({@link FileIpcOptions}), its program ({@link FileIpcKernel}), its figures and its summary. Its
 * bench case is the default one: the default run (stream), from 1 rank.
 */
public final class FileIpcDescriptor extends BaseDescriptor<FileIpcParameters, FileIpcResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public FileIpcDescriptor() {
    super("file-ipc", FileIpcParameters.class, FileIpcResult.class, FileIpcParameters.DEFAULTS,
        FileIpcOptions::new, FileIpcKernel::new,
        // A record through the file; in ping-pong, written and answered (2 file messages).
        new FigureMeaning("record", "record latency through the file", true, null),
        "Inter-process communication through a shared file, timed against MPI.",
        "Rank 0 appends --lines records (sequence number, send time, payload, CRC32) to a",
        "file in a folder every rank sees, and the other ranks follow it as it grows.",
        "With --mode ping-pong, rank 1 answers each record through a second file before",
        "rank 0 writes the next, so the round trip through the filesystem is timed as the",
        "MPI ping-pong of the same size, measured in the same run. Property: every reader",
        "gets every record once, in order, intact. Across hosts the one-way latency mixes",
        "two clocks: trust the round trip there.");
  }

  /**
   * One operation per record; its latency the median one-way delivery (stream) or round trip
   * (ping-pong), beside the MPI ping-pong of the same size.
   */
  @Override
  public Figures figures(FileIpcResult result, int ranks) {
    return new Figures(result.check(), result.messages(), result.lines(),
        result.latency().p50Nanos(), result.recordsPerSecond(), result.baselineRoundTripNanos(),
        headline(result), result.latency());
  }

  private static String headline(FileIpcResult result) {
    Latencies l = result.latency();
    return String.format(Locale.ROOT, "%s: %s P50 %s, P99 %s%s, %s records/s", result.mode(),
        result.latencyMeaning(), Durations.nanos(l.p50Nanos()), Durations.nanos(l.p99Nanos()),
        SummaryLines.pingPong(result.baselineRoundTripNanos()),
        Rates.perSecond(result.recordsPerSecond()));
  }

  @Override
  public List<String> summary(FileIpcParameters parameters, FileIpcResult result, RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "file-ipc: %d ranks, %s, %s%s, %,d records of %d B in"
        + " %.2f s", run.ranks(), run.device(), result.mode(), parameters.sync() ? " (sync)" : "",
        result.lines(), result.recordBytes(), run.wallTimeSeconds()));
    lines.add(SummaryLines.property(result.check()));
    Latencies l = result.latency();
    lines.add("  latency      " + result.latencyMeaning() + " " + SummaryLines.percentiles(l) + "; "
        + Rates.perSecond(result.recordsPerSecond()) + " records/s");
    lines.add(result.baselineRoundTripNanos() == 0 ? "  baseline     no MPI ping-pong with 1 rank"
        : String.format(Locale.ROOT, "  baseline     MPI ping-pong of %d B between ranks 0 and"
            + " 1: round trip median %s (%,d exchanges)", result.recordBytes(),
            Durations.nanos(result.baselineRoundTripNanos()), result.baselineExchanges()));
    for (FileIpcResult.Reader r : result.readers()) {
      lines.add(String.format(Locale.ROOT, "  rank %-3d     %s: %,d read, median %s, max %s",
          r.rank(), r.file(), r.received(), Durations.nanos(r.medianNanos()),
          Durations.nanos(r.maxNanos())));
    }
    lines.add("  files        in " + result.folder() + (result.folderCreated()
        ? " (created by the run, removed)" : " (the run's files removed, the folder kept)"));
    if (run.ranks() == 1) {
      lines.add("  one rank     rank 0 read each record back itself" + (parameters.pingPong()
          ? " and answered it through the second file" : ""));
    }
    lines.add("  clocks       one-way = reader's nanoTime - writer's: true on one host, two"
        + " clocks across hosts (trust the round trip there)");
    lines.add(String.format(Locale.ROOT, "  messages     %,d records through the files",
        result.messages()));
    return lines;
  }
}
