package org.mpjbench.kernels.centralizedclock;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.clock.TimeServerFigures;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.Expectation;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.OwnColumn;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * Centralized clock synchronization, {@code mpjbench run centralized-clock}: its options ({@link
 * CentralizedClockOptions}), its program ({@link CentralizedClockKernel}), its figures and its
 * summary. Its bench case is the default one: the default run, from 1 rank.
 */
public final class CentralizedClockDescriptor
    extends BaseDescriptor<CentralizedClockParameters, CentralizedClockResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public CentralizedClockDescriptor() {
    super("centralized-clock", CentralizedClockParameters.class, CentralizedClockResult.class,
        CentralizedClockParameters.DEFAULTS,
        CentralizedClockOptions::new, CentralizedClockKernel::new,
        // A sync is one request and its reply: 2 messages, exactly.
        new FigureMeaning("sync", "a client's sync", true, new Expectation("2", false, k -> 2.0)),
        "Centralized clock synchronization: every rank sets its clock to the server's.",
        "Rank 0 is the time server; every other rank asks it for the time once and sets",
        "its simulated clock to the value it reads, with no round-trip compensation (as",
        "cristian) and no averaging (as berkeley). Property, checked on the true clocks",
        "(the ranks share the host's monotonic clock): every client ends within its round",
        "trip of the server (plus a drift allowance of nanoseconds); it is behind by the",
        "reply's one-way delay.");
  }

  /** {@link TimeServerFigures}, with the true skew and the signed mean error after the sync. */
  @Override
  public Figures figures(CentralizedClockResult result, int ranks) {
    return TimeServerFigures.of(result.check(), result.messages(),
        result.clients().stream().mapToLong(CentralizedClockResult.Client::syncNanos).toArray(),
        result.medianRoundTripNanos(), result.baselineRoundTripNanos(),
        "true skew " + Durations.nanos(result.finalSkewNanos()) + " after the sync, mean error "
            + Durations.nanos(result.meanTrueErrorAfterNanos()),
        result.latency());
  }

  /** The skew the clocks end with, as Berkeley's column, and the signed mean error. */
  @Override
  public List<OwnColumn<CentralizedClockResult>> ownColumns() {
    return List.of(OwnColumn.integer("final_skew_ns", CentralizedClockResult::finalSkewNanos),
        OwnColumn.integer("mean_error_after_ns",
            CentralizedClockResult::meanTrueErrorAfterNanos));
  }

  @Override
  public List<String> summary(CentralizedClockParameters parameters,
      CentralizedClockResult result, RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "centralized-clock: %d ranks, %s, %d client(s) in %.2f s",
        run.ranks(), run.device(), result.clients().size(), run.wallTimeSeconds()));
    lines.add(SummaryLines.property(result.check()));
    lines.add("  true skew    " + Durations.nanos(result.initialSkewNanos()) + " before, "
        + Durations.nanos(result.finalSkewNanos()) + " after the sync");
    lines.add("  true error   largest " + Durations.nanos(result.maxTrueErrorBeforeNanos())
        + " before, " + Durations.nanos(result.maxTrueErrorAfterNanos()) + " after the sync"
        + (result.clients().isEmpty() ? "" : "; mean after "
            + Durations.nanos(result.meanTrueErrorAfterNanos())
            + " (negative: behind the server)"));
    for (CentralizedClockResult.Client c : result.clients()) {
      lines.add(String.format(Locale.ROOT,
          "  rank %-3d     RTT %s; stepped %s; error after %s (bound %s)",
          c.rank(), Durations.nanos(c.roundTripNanos()), Durations.nanos(c.offsetAppliedNanos()),
          Durations.nanos(c.trueErrorAfterNanos()), Durations.nanos(c.boundNanos())));
    }
    lines.addAll(SummaryLines.timeServer(result.latency(), result.clients().size(),
        result.messages(), result.medianRoundTripNanos(), result.baselineRoundTripNanos(),
        result.maxSyncNanos()));
    return lines;
  }
}
