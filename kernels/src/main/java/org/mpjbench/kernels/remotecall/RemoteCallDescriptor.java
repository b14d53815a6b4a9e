package org.mpjbench.kernels.remotecall;

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
 * The square-root service called by name, {@code mpjbench run remote-call}: its options ({@link
 * RemoteCallOptions}), its program ({@link RemoteCallKernel}), its figures and its summary, whose
 * round-trip line (P50, P90, P99 and max of a call) is {@code naming}'s for a lookup; for a result
 * file written before the percentiles, the median and max of {@link SummaryLines#roundTrips}. Its
 * bench case is the default one: the default run, from 1 rank.
 */
public final class RemoteCallDescriptor extends BaseDescriptor<RemoteCallParameters, RemoteCallResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public RemoteCallDescriptor() {
    super("remote-call", RemoteCallParameters.class, RemoteCallResult.class,
        RemoteCallParameters.DEFAULTS,
        RemoteCallOptions::new, RemoteCallKernel::new,
        // A call of the square-root service, timed from request to reply.
        new FigureMeaning("call", "call round trip", true, null),
        "Remote invocation: a square-root service found by name and called over MPI.",
        "Like a square-root service over Java RMI: the highest rank registers",
        "\"math/sqrt\" at a registry on rank 0; every other rank looks it up by name,",
        "then makes --calls calls [callId, argument] one at a time and gets [callId,",
        "result, status] (a typed error for a negative argument). A plain MPI ping-pong",
        "between the same ranks is measured alongside. Property: every call answered",
        "once, every reply exactly Math.sqrt(argument) or the error.");
  }

  /** The calls beside the MPI ping-pong between the same ranks (0, none, with one rank). */
  @Override
  public Figures figures(RemoteCallResult result, int ranks) {
    return new Figures(result.check(), result.messages(), result.calls(),
        result.medianCallNanos(), result.callsPerSecond(), result.baselineRoundTripNanos(),
        result.calls() + " calls, median " + Durations.nanos(result.medianCallNanos())
            + (result.baselineRoundTripNanos() > 0
                ? " (ping-pong " + Durations.nanos(result.baselineRoundTripNanos()) + ")" : "")
            + ", " + Rates.perSecond(result.callsPerSecond()) + " calls/s",
        result.latency());
  }

  @Override
  public List<String> summary(RemoteCallParameters parameters, RemoteCallResult result,
      RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT,
        "remote-call: %d ranks, %s, service on rank %d, %d client(s) in %.2f s", run.ranks(),
        run.device(), result.serviceRank(), result.clients(), run.wallTimeSeconds()));
    lines.add(SummaryLines.property(result.check()));
    lines.add(String.format(Locale.ROOT, "  calls        %,d (%,d errors), %,.0f per second",
        result.calls(), result.errorReplies(), result.callsPerSecond()));
    lines.add(SummaryLines.roundTrips(result.messages(), "call", result.medianCallNanos(),
        SummaryLines.pingPong(result.baselineRoundTripNanos()), result.maxCallNanos(),
        result.latency()));
    return lines;
  }
}
