package org.mpjbench.kernels.lamport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * Lamport logical clocks, {@code mpjbench run lamport}: its options ({@link LamportOptions}), its
 * program ({@link LamportKernel}), its figures and its summary. Its bench case is the default one:
 * the default run, from 1 rank.
 */
public final class LamportDescriptor extends BaseDescriptor<LamportParameters, LamportResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public LamportDescriptor() {
    super("lamport", LamportParameters.class, LamportResult.class,
        LamportParameters.DEFAULTS,
        LamportOptions::new, LamportKernel::new,
        // An operation is a message of the pattern, timed from its send to its receive.
        new FigureMeaning("message", "send to receive", true, null),
        "Lamport logical clocks (or vector clocks): every event stamped in causal order.",
        "The ranks exchange a seeded random pattern of --messages point-to-point messages",
        "with local events between them; a clock ticks before each local event and send,",
        "and takes max(local, received) + 1 on a receive (--vector: vector clocks,",
        "component-wise maximum, then tick). Property: rank 0 gathers every event and",
        "checks that each send is stamped below its receive, and with --vector that V(a)",
        "< V(b) iff a happened before b.");
  }

  /** The messages, their median time, and messages per second of the pattern's time. */
  @Override
  public Figures figures(LamportResult result, int ranks) {
    String headline = (result.messages() == 0 ? "no messages with 1 rank"
        : "median message " + Durations.nanos(result.medianMessageNanos()))
        + ", " + result.events() + " events, largest Lamport stamp " + result.maxLamportStamp()
        + (result.vector() ? ", vector clocks" : "");
    // A pattern of no measurable time has no rate rather than an infinite one.
    Double perSecond = result.patternNanos() <= 0 ? null
        : result.messages() * 1e9 / result.patternNanos();
    return new Figures(result.check(), result.messages(), result.messages(),
        result.medianMessageNanos(), perSecond, null, headline, result.latency());
  }

  @Override
  public List<String> summary(LamportParameters parameters, LamportResult result,
      RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "lamport: %d ranks, %s, %,d events%s in %.2f s",
        run.ranks(), run.device(), result.events(),
        result.vector() ? " with vector clocks" : "", run.wallTimeSeconds()));
    // One line per checker (Lamport stamps, then vectors if kept), not the combined verdict.
    for (PropertyCheck check : result.checks()) {
      lines.add(SummaryLines.property(check));
    }
    lines.add(String.format(Locale.ROOT,
        "  messages     %,d (%,d local events); largest Lamport stamp %,d", result.messages(),
        result.localEvents(), result.maxLamportStamp()));
    lines.add("  per message  send to receive median "
        + Durations.nanos(result.medianMessageNanos())
        + SummaryLines.afterMedian(result.latency(), result.maxMessageNanos()) + "; pattern took "
        + Durations.nanos(result.patternNanos()));
    return lines;
  }
}
