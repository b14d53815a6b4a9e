package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.cristian.CristianParameters;
import org.mpjbench.kernels.cristian.CristianResult;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run cristian}: Cristian's clock synchronization. */
@Command(
    name = "cristian",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Cristian's algorithm: rank 0 is the time server; every other rank asks it",
      "for the time --samples times, one request at a time, and steps its simulated",
      "clock to server time + round trip / 2 of its shortest round trip.",
      "Property, checked on the true clocks (the ranks share the host's monotonic",
      "clock): every client ends within half its shortest round trip of the server",
      "(plus a drift allowance of nanoseconds).",
    })
public final class CristianCommand implements Callable<Integer> {
  private static final CristianParameters D = CristianParameters.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--samples", paramLabel = "N", description = "Requests per client; the"
      + " shortest round trip is used (default: ${DEFAULT-VALUE}).")
  int samples = D.samples();

  @Option(names = "--spread-ms", paramLabel = "MS", description = "Initial clock offsets are"
      + " uniform over a window this wide (default: ${DEFAULT-VALUE}).")
  double spreadMs = D.spreadMs();

  @Option(names = "--drift-ppm", paramLabel = "PPM", description = "Clock drift rates are uniform"
      + " in +/- this many parts per million (default: ${DEFAULT-VALUE}).")
  double driftPpm = D.driftPpm();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the clock population"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one request"
      + " or reply before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  @Override
  public Integer call() throws Exception {
    CristianParameters parameters;
    try {
      parameters = new CristianParameters(samples, spreadMs, driftPpm, seed, timeoutMs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, KernelType.CRISTIAN)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), CristianCommand::summary);
  }

  /** The human summary of a complete Cristian run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    CristianResult result = ControlCodec.fromTree(record.result(), CristianResult.class);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "cristian: %d ranks, %s, %d client(s) in %.2f s",
        record.ranks(), record.device(), result.clients().size(), record.wallTimeSeconds()));
    lines.add("  property     " + result.check().property() + ": "
        + (result.check().holds() ? "holds" : "VIOLATED") + " (" + result.check().detail() + ")");
    lines.add("  true error   largest " + Units.nanos(result.maxTrueErrorBeforeNanos())
        + " before, " + Units.nanos(result.maxTrueErrorAfterNanos()) + " after the sync");
    for (CristianResult.Client c : result.clients()) {
      lines.add(String.format(Locale.ROOT,
          "  rank %-3d     RTT min %s, median %s; stepped %s; error after %s (bound %s)",
          c.rank(), Units.nanos(c.minRoundTripNanos()), Units.nanos(c.medianRoundTripNanos()),
          Units.nanos(c.offsetAppliedNanos()), Units.nanos(c.trueErrorAfterNanos()),
          Units.nanos(c.boundNanos())));
    }
    String reference = result.baselineRoundTripNanos() == 0 ? ""
        : String.format(Locale.ROOT, " (MPI ping-pong %s)",
            Units.nanos(result.baselineRoundTripNanos()));
    lines.add(String.format(Locale.ROOT,
        "  messages     %,d; round trip median %s%s; longest sync %s",
        result.messages(), Units.nanos(result.medianRoundTripNanos()), reference,
        Units.nanos(result.maxSyncNanos())));
    return lines;
  }
}
