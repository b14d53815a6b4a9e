package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.lamport.LamportParameters;
import org.mpjbench.kernels.lamport.LamportResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run lamport}: Lamport logical clocks, optionally vector clocks. */
@Command(
    name = "lamport",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Lamport logical clocks: the ranks exchange a seeded random pattern of",
      "--messages point-to-point messages with local events between them; a clock",
      "ticks before each local event and send, and takes max(local, received) + 1",
      "on a receive (--vector: vector clocks, component-wise maximum, then tick).",
      "Property: rank 0 gathers every event and checks that each send is stamped",
      "below its receive, and with --vector that V(a) < V(b) iff a happened before b.",
    })
public final class LamportCommand implements Callable<Integer> {
  private static final LamportParameters D = LamportParameters.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--messages", paramLabel = "N", description = "Messages in the pattern, at most "
      + LamportParameters.MAX_MESSAGES + " (default: ${DEFAULT-VALUE}).")
  int messages = D.messages();

  @Option(names = "--local-events", paramLabel = "N", description = "Each rank does 0 to N local"
      + " events before each message, at most " + LamportParameters.MAX_LOCAL_EVENTS
      + " (default: ${DEFAULT-VALUE}).")
  int localEvents = D.localEventsMax();

  @Option(names = "--vector", description = "Keep vector clocks too and check them against"
      + " happened-before (every pair of events).")
  boolean vector = D.vector();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the message pattern"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one message"
      + " before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  @Override
  public Integer call() throws Exception {
    LamportParameters parameters;
    try {
      parameters = new LamportParameters(messages, localEvents, vector, seed, timeoutMs);
      parameters.requireFitsRanks(Math.max(run.ranks, 1));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, KernelType.LAMPORT)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), LamportCommand::summary);
  }

  /** The human summary of a complete Lamport run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    LamportResult result = ControlCodec.fromTree(record.result(), LamportResult.class);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "lamport: %d ranks, %s, %,d events%s in %.2f s",
        record.ranks(), record.device(), result.events(),
        result.vector() ? " with vector clocks" : "", record.wallTimeSeconds()));
    for (PropertyCheck check : result.checks()) {
      lines.add("  property     " + check.property() + ": "
          + (check.holds() ? "holds" : "VIOLATED") + " (" + check.detail() + ")");
    }
    lines.add(String.format(Locale.ROOT,
        "  messages     %,d (%,d local events); largest Lamport stamp %,d", result.messages(),
        result.localEvents(), result.maxLamportStamp()));
    lines.add("  per message  send to receive median " + Units.nanos(result.medianMessageNanos())
        + ", max " + Units.nanos(result.maxMessageNanos()) + "; pattern took "
        + Units.nanos(result.patternNanos()));
    return lines;
  }
}
