package org.mpjbench.kernels.cristian;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.clock.ClockSkew;
import org.mpjbench.kernels.clock.TimeServerFigures;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.OwnColumn;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * Cristian's clock synchronization, {@code mpjbench run cristian}: its options ({@link
 * CristianOptions}), its program ({@link CristianKernel}), its figures and its summary. Its bench
 * case is the default one: the default run, from 1 rank.
 */
public final class CristianDescriptor extends BaseDescriptor<CristianParameters, CristianResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public CristianDescriptor() {
    super("cristian", CristianParameters.class, CristianResult.class,
        CristianParameters.DEFAULTS,
        CristianOptions::new, CristianKernel::new,
        // A sync is one client's requests until it sets its clock; messages are counted, no
        // formula.
        new FigureMeaning("sync", "a client's sync", true, null),
        "Cristian's algorithm: every rank asks a time server and corrects for the delay.",
        "Rank 0 is the time server; every other rank asks it for the time --samples",
        "times, one request at a time, and steps its simulated clock to server time +",
        "round trip / 2 of its shortest round trip. Property, checked on the true clocks",
        "(the ranks share the host's monotonic clock): every client ends within half its",
        "shortest round trip of the server (plus a drift allowance of nanoseconds).");
  }

  /** {@link TimeServerFigures}, with the largest true error after the sync. */
  @Override
  public Figures figures(CristianResult result, int ranks) {
    return TimeServerFigures.of(result.check(), result.messages(),
        result.clients().stream().mapToLong(CristianResult.Client::syncNanos).toArray(),
        result.medianRoundTripNanos(), result.baselineRoundTripNanos(),
        "true error after the sync at most " + Durations.nanos(result.maxTrueErrorAfterNanos()),
        result.latency());
  }

  /**
   * The true skew the clocks end with (the server's and every client's), the column Berkeley's
   * final skew stands in, so that the sweep shows the clock kernels side by side.
   */
  @Override
  public List<OwnColumn<CristianResult>> ownColumns() {
    return List.of(OwnColumn.integer("final_skew_ns", CristianDescriptor::finalSkewNanos));
  }

  /** The spread of the clients' errors relative to the server, the server's (0) included. */
  static long finalSkewNanos(CristianResult result) {
    long[] errors = new long[result.clients().size() + 1]; // [0]: the server, 0 by definition
    for (int i = 0; i < result.clients().size(); i++) {
      errors[i + 1] = result.clients().get(i).trueErrorAfterNanos();
    }
    return ClockSkew.skewNanos(errors, new boolean[0]);
  }

  @Override
  public List<String> summary(CristianParameters parameters, CristianResult result,
      RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "cristian: %d ranks, %s, %d client(s) in %.2f s",
        run.ranks(), run.device(), result.clients().size(), run.wallTimeSeconds()));
    lines.add(SummaryLines.property(result.check()));
    lines.add("  true error   largest " + Durations.nanos(result.maxTrueErrorBeforeNanos())
        + " before, " + Durations.nanos(result.maxTrueErrorAfterNanos()) + " after the sync");
    for (CristianResult.Client c : result.clients()) {
      lines.add(String.format(Locale.ROOT,
          "  rank %-3d     RTT min %s, median %s; stepped %s; error after %s (bound %s)",
          c.rank(), Durations.nanos(c.minRoundTripNanos()),
          Durations.nanos(c.medianRoundTripNanos()), Durations.nanos(c.offsetAppliedNanos()),
          Durations.nanos(c.trueErrorAfterNanos()), Durations.nanos(c.boundNanos())));
    }
    lines.addAll(SummaryLines.timeServer(result.latency(), result.clients().size(),
        result.messages(), result.medianRoundTripNanos(), result.baselineRoundTripNanos(),
        result.maxSyncNanos()));
    return lines;
  }
}
