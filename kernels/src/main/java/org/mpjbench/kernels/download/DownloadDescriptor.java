package org.mpjbench.kernels.download;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.program.RankContext;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.BenchCase;
import org.mpjbench.kernels.spi.Durations;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.KernelSession;
import org.mpjbench.kernels.spi.Latencies;
import org.mpjbench.kernels.spi.OwnColumn;
import org.mpjbench.kernels.spi.RunInfo;
import org.mpjbench.kernels.spi.SummaryLines;

/**
 * The cooperative download kernel, {@code mpjbench run download}: its options and the line server
 * it starts or reaches ({@link DownloadOptions}), its program ({@link DownloadKernel}), its
 * progress (distinct lines held), its figures and its summary, in one place.
 */
public final class DownloadDescriptor extends BaseDescriptor<DownloadParameters, DownloadResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public DownloadDescriptor() {
    super("download", DownloadParameters.class, DownloadResult.class,
        // The defaults, against a server on this host's port 40053 (the line server's usual one).
        new DownloadParameters("localhost", 40053, 1000, 250, 5, 20, 10_000, 5_000, "mpjbench",
            "ranks"),
        DownloadOptions::new, DownloadKernel::new,
        new FigureMeaning("draw", null, false, null),
        "Cooperative file download: the ranks fetch a file's lines and share them.",
        "Every rank fetches random lines from a rate-limited line server over its own",
        "connection, the ranks share what they get through MPI, and rank 0 submits the",
        "whole file. Without --server, a line server is started for the run on a free",
        "port and stopped afterwards. Reports the time beside the coupon-collector bound",
        "N·H(N)/(K·R) and the efficiency E = D/(K·R)/T, where D is the draws the group",
        "needed (luck) and T the time.");
  }

  /** A progress record is a point of the lines-against-time series. */
  @Override
  public long progressTotal(DownloadParameters parameters) {
    return parameters.lineCount();
  }

  @Override
  public long progressPosition(JsonNode record) {
    return record.path("distinctLines").asLong();
  }

  /** A draw is a line the server handed the group; D/T draws per second. */
  /**
   * Whole downloads a benchmark times one by one ({@link DownloadSteps}) from the server in
   * {@code parameters} (the benchmark starts it): a step gives the lines received, the check the
   * downloads accepted.
   */
  @Override
  public KernelSession session(RankContext context, DownloadParameters parameters)
      throws Exception {
    return new DownloadSteps(new DownloadSession(context.comm(), context.rank(), context.size(),
        parameters));
  }

  @Override
  public Figures figures(DownloadResult r, int ranks) {
    return new Figures(null, null, r.draws(), null, r.draws() / r.masterCompleteSeconds(), null,
        String.format(Locale.ROOT, "T = %.2f s (bound %.2f s), E = %.3f",
            r.masterCompleteSeconds(), r.boundSeconds(), r.efficiency()));
  }

  /** N, D, T, the bound N·H(N)/(K·R) and E. */
  @Override
  public List<OwnColumn<DownloadResult>> ownColumns() {
    return List.of(OwnColumn.integer("lines", DownloadResult::lineCount),
        OwnColumn.integer("draws", DownloadResult::draws),
        OwnColumn.decimal("master_complete_s", DownloadResult::masterCompleteSeconds),
        OwnColumn.decimal("bound_s", DownloadResult::boundSeconds),
        OwnColumn.decimal("efficiency", DownloadResult::efficiency));
  }

  @Override
  public List<String> summary(DownloadParameters parameters, DownloadResult r, RunInfo run) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "download: %d ranks, %s, %d lines at %s requests/s per"
        + " rank", run.ranks(), run.device(), r.lineCount(), number(r.ratePerSecond())));
    out.add(String.format(Locale.ROOT, "  time          master held every line after %.2f s"
        + " (group: %.2f s); bound N·H(N)/(K·R) = %.2f s", r.masterCompleteSeconds(),
        r.groupCompleteSeconds(), r.boundSeconds()));
    out.add(String.format(Locale.ROOT, "  efficiency    E = D/(K·R)/T = %.3f with D = %,d draws"
        + " (expected %,.0f)", r.efficiency(), r.draws(), r.expectedDraws()));
    out.add("  verdict       " + r.verdict());
    Path copy = run.artifacts().get(DownloadKernel.FILE_ARTIFACT);
    if (copy != null) {
      out.add("  file          " + copy + " (" + r.fileBytes() + " bytes"
          + run.artifactChecks().getOrDefault(DownloadKernel.FILE_ARTIFACT, "") + ")");
    }
    long requests = 0;
    long declined = 0;
    long duplicates = 0;
    long reconnects = 0;
    for (DownloadResult.RankFigures rank : r.ranks()) {
      requests += rank.requests();
      declined += rank.declined();
      duplicates += rank.duplicates();
      reconnects += rank.reconnects();
    }
    out.add(String.format(Locale.ROOT, "  requests      %,d (%,d declined, %,d lines a rank had"
        + " already, %d reconnects); %,d exchanges, median %s", requests, declined, duplicates,
        reconnects, r.exchanges(), Durations.nanos(r.medianExchangeNanos())));
    Latencies exchange = r.exchangeLatency();
    if (exchange != null) {
      out.add("  exchange      rank 0's time per exchange " + SummaryLines.percentiles(exchange));
    }
    return out;
  }

  /** None: a download is timed by {@code DownloadBenchmark}, against a server of its own. */
  @Override
  public List<BenchCase<DownloadParameters>> benchCases() {
    return List.of();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
