package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.remotecall.RemoteCallParameters;
import org.mpjbench.kernels.remotecall.RemoteCallResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mpjbench run remote-call}: a square-root service called by name, RMI-style. */
@Command(
    name = "remote-call",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Remote invocation like a square-root service over Java RMI: the highest rank",
      "registers \"math/sqrt\" at a registry on rank 0; every other rank looks it up",
      "by name, then makes --calls calls [callId, argument] one at a time and gets",
      "[callId, result, status] (a typed error for a negative argument). A plain MPI",
      "ping-pong between the same ranks is measured alongside. Property: every call",
      "answered once, every reply exactly Math.sqrt(argument) or the error.",
    })
public final class RemoteCallCommand implements Callable<Integer> {
  private static final RemoteCallParameters D = RemoteCallParameters.DEFAULTS;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Option(names = "--calls", paramLabel = "N", description = "Calls each client makes"
      + " (default: ${DEFAULT-VALUE}).")
  int calls = D.calls();

  @Option(names = "--negative-ratio", paramLabel = "R", description = "Fraction of calls with a"
      + " negative argument, answered with the error (default: ${DEFAULT-VALUE}).")
  double negativeRatio = D.negativeRatio();

  @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the arguments"
      + " (default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--timeout-ms", paramLabel = "MS", description = "Longest wait for one message"
      + " before the run fails (default: ${DEFAULT-VALUE}).")
  long timeoutMs = D.timeoutMs();

  @Override
  public Integer call() throws Exception {
    RemoteCallParameters parameters;
    try {
      parameters = new RemoteCallParameters(calls, negativeRatio, seed, timeoutMs);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return new KernelRun(spec, run, KernelType.REMOTE_CALL)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), RemoteCallCommand::summary);
  }

  /** The human summary of a complete remote-call run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    RemoteCallResult result = ControlCodec.fromTree(record.result(), RemoteCallResult.class);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT,
        "remote-call: %d ranks, %s, service on rank %d, %d client(s) in %.2f s", record.ranks(),
        record.device(), result.serviceRank(), result.clients(), record.wallTimeSeconds()));
    lines.add("  property     " + result.check().property() + ": "
        + (result.check().holds() ? "holds" : "VIOLATED") + " (" + result.check().detail() + ")");
    lines.add(String.format(Locale.ROOT, "  calls        %,d (%,d errors), %,.0f per second",
        result.calls(), result.errorReplies(), result.callsPerSecond()));
    String reference = result.baselineRoundTripNanos() == 0 ? ""
        : String.format(Locale.ROOT, " (MPI ping-pong %s)",
            Units.nanos(result.baselineRoundTripNanos()));
    lines.add(String.format(Locale.ROOT, "  messages     %,d; call round trip median %s%s, max %s",
        result.messages(), Units.nanos(result.medianCallNanos()), reference,
        Units.nanos(result.maxCallNanos())));
    return lines;
  }
}
