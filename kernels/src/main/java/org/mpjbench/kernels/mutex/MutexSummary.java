package org.mpjbench.kernels.mutex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.Rates;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * The summary lines and the figures the mutual-exclusion kernels ({@code suzuki-kasami}, {@code
 * ricart-agrawala}) share: an operation is an entry, its latency the wait from asking to entering.
 */
public final class MutexSummary {
  private MutexSummary() {}

  /**
   * The summary lines both kernels print: headline, property, waiting ({@code latency}: P50, P90,
   * P99 and max of every entry's wait; median and max when null, in a result file written before
   * the percentiles).
   */
  public static List<String> summary(String kernel, RunInfo run, PropertyCheck check,
      MutexFigures figures, Latencies latency, MutexParameters parameters) {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%s: %d ranks, %s, %d entries per rank in %.2f s",
        kernel, run.ranks(), run.device(), parameters.entries(), run.wallTimeSeconds()));
    lines.add(SummaryLines.property(check));
    Latencies l = latency;
    lines.add(l == null
        ? String.format(Locale.ROOT,
            "  waiting      median %s, max %s per entry (holding: %s); %,.0f entries/s",
            Durations.nanos(figures.medianWaitNanos()), Durations.nanos(figures.maxWaitNanos()),
            Durations.nanos(figures.holdNanos()), figures.entriesPerSecond())
        : String.format(Locale.ROOT,
            "  waiting      %s per entry (holding: %s); %,.0f entries/s",
            SummaryLines.percentiles(l), Durations.nanos(figures.holdNanos()),
            figures.entriesPerSecond()));
    return lines;
  }

  /**
   * The figures of a run: entries, their median wait and rate, against {@code expected}, and the
   * waits' percentiles {@code latency} (null: none reported).
   */
  public static Figures figures(PropertyCheck check, long messages, MutexFigures figures,
      Latencies latency, String expected) {
    return new Figures(check, messages, figures.entries(), figures.medianWaitNanos(),
        figures.entriesPerSecond(), null,
        String.format(Locale.ROOT, "%.2f messages per entry (%s), median wait %s, %s entries/s",
            figures.messagesPerEntry(), expected, Durations.nanos(figures.medianWaitNanos()),
            Rates.perSecond(figures.entriesPerSecond())),
        latency);
  }
}
