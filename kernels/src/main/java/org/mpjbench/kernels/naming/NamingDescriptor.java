package org.mpjbench.kernels.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Rates;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * The name server, {@code mpjbench run naming}: its options ({@link NamingOptions}), its program
 * ({@link NamingKernel}), its figures and its summary, whose round-trip line (P50, P90, P99 and
 * max of a lookup) is {@code remote-call}'s for a call; for a result file written before the
 * percentiles, the median and max of {@link SummaryLines#roundTrips}. Its bench case is the default
 * one: the default run, from 1 rank.
 */
public final class NamingDescriptor extends BaseDescriptor<NamingParameters, NamingResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public NamingDescriptor() {
    super("naming", NamingParameters.class, NamingResult.class,
        NamingParameters.DEFAULTS,
        NamingOptions::new, NamingKernel::new,
        // A lookup of a name at the name server, timed from request to reply.
        new FigureMeaning("lookup", "lookup round trip", true, null),
        "A name server: the ranks register and resolve flat and hierarchical names.",
        "Rank 0 holds flat names (printer-3-4) and hierarchical names (eu/node-2/sqrt-5,",
        "resolved through a tree of directories). Every other rank registers --names",
        "names, then resolves --lookups names drawn from everybody's plus unknown ones",
        "(--miss-ratio), one request at a time. With 1 rank, rank 0 does it all locally.",
        "Property: every answer equals the ground truth computed from the seed; every",
        "unknown name gives a miss with the right reason.");
  }

  @Override
  public Figures figures(NamingResult result, int ranks) {
    return new Figures(result.check(), result.messages(), result.lookups(),
        result.medianLookupNanos(), result.lookupsPerSecond(), null,
        result.hits() + " resolved, " + result.misses() + " missed, median lookup "
            + Durations.nanos(result.medianLookupNanos()) + ", "
            + Rates.perSecond(result.lookupsPerSecond()) + " lookups/s",
        result.latency());
  }

  @Override
  public List<String> summary(NamingParameters parameters, NamingResult result, RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "naming: %d ranks, %s, %d client(s), %d names in %.2f s",
        run.ranks(), run.device(), result.clients(), result.registered(),
        run.wallTimeSeconds()));
    lines.add(SummaryLines.property(result.check()));
    lines.add(String.format(Locale.ROOT,
        "  lookups      %,d (%,d found, %,d missed), %,.0f per second", result.lookups(),
        result.hits(), result.misses(), result.lookupsPerSecond()));
    // No ping-pong is measured beside the lookups: nothing follows the median.
    lines.add(SummaryLines.roundTrips(result.messages(), "lookup", result.medianLookupNanos(), "",
        result.maxLookupNanos(), result.latency()));
    return lines;
  }
}
