package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.multicast.MulticastParameters;
import org.mpjbench.kernels.multicast.MulticastResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run multicast}: group communication, optionally totally ordered. */
@Command(
    name = "multicast",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Multicast to the group of all ranks: rank 0 sends --messages messages, each by",
      "one MPI Bcast (--mode bcast) or by an Isend to every member (--mode p2p).",
      "With --total-order sequencer every rank sends its share (a seeded interleaving)",
      "to rank 0, the sequencer, which numbers them and forwards them to all; members",
      "deliver in sequence order. Property: every member delivers every message",
      "exactly once (and, with total order, all in the same order). Real UDP multicast",
      "is left out.",
    })
public final class MulticastCommand implements Callable<Integer> {
  private static final MulticastParameters D = MulticastParameters.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--messages", paramLabel = "N", description = "Messages multicast in all"
      + " (default: ${DEFAULT-VALUE}).")
  int messages = D.messages();

  @Option(names = "--mode", paramLabel = "MODE", description = "bcast or p2p"
      + " (default: ${DEFAULT-VALUE}).")
  String mode = D.mode();

  @Option(names = "--total-order", paramLabel = "ORDER", description = "none or sequencer"
      + " (default: ${DEFAULT-VALUE}).")
  String totalOrder = D.totalOrder();

  @Option(names = "--payload-longs", paramLabel = "N", description = "Longs of payload per"
      + " message after the 3-long header (default: ${DEFAULT-VALUE}).")
  int payloadLongs = D.payloadLongs();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the senders'"
      + " interleaving under total order (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one"
      + " message before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  @Override
  public Integer call() throws Exception {
    MulticastParameters parameters;
    try {
      parameters = new MulticastParameters(messages, mode, totalOrder, payloadLongs, seed,
          timeoutMs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, KernelType.MULTICAST)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), MulticastCommand::summary);
  }

  /** The human summary of a complete multicast run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    MulticastResult result = ControlCodec.fromTree(record.result(), MulticastResult.class);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "multicast: %d ranks, %s, mode %s, total order %s,"
        + " in %.2f s", record.ranks(), record.device(), result.mode(), result.totalOrder(),
        record.wallTimeSeconds()));
    lines.add("  property     " + result.check().property() + ": "
        + (result.check().holds() ? "holds" : "VIOLATED") + " (" + result.check().detail() + ")");
    lines.add(String.format(Locale.ROOT,
        "  deliveries   %,d of %,d messages in %s: %,.0f deliveries/s",
        result.deliveries(), result.multicasts(), Units.nanos(result.durationNanos()),
        result.deliveriesPerSecond()));
    lines.add(String.format(Locale.ROOT, "  latency      send to delivery median %s, max %s",
        Units.nanos(result.medianLatencyNanos()), Units.nanos(result.maxLatencyNanos())));
    lines.add(String.format(Locale.ROOT, "  messages     %,d", result.messages()));
    return lines;
  }
}
