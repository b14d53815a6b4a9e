package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.bully.BullyBounds;
import org.mpjbench.kernels.bully.BullyResult;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mpjbench run bully}: Bully election. */
@Command(
    name = "bully",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Bully election. The initiator sends ELECTION to every higher rank; a live higher",
      "rank answers OK and holds its own election; a rank with no OK within",
      "--timeout-ms declares itself coordinator and sends COORDINATOR to every lower",
      "rank; one that got an OK waits for it. Checked: every live rank agrees on the",
      "highest live rank, and the messages counted lie within this configuration's",
      "bounds (textbook: best case n-1, worst case O(n^2)).",
    })
public final class BullyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Mixin ElectionOptions election;

  @Override
  public Integer call() throws Exception {
    // The election's options first: bad input must fail before KernelRun looks for MPJ.
    ElectionParameters parameters = election.parameters(spec, run.ranks);
    return new KernelRun(spec, run, KernelType.BULLY)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), BullyCommand::summary);
  }

  /** The human summary of a complete Bully election. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    BullyResult result = ControlCodec.fromTree(record.result(), BullyResult.class);
    BullyBounds b = result.bounds();
    List<String> lines = new ArrayList<>();
    lines.add(ElectionOptions.headline("bully", record, result.crashedRanks(),
        result.initiator()));
    lines.add(ElectionOptions.property(result.check()));
    lines.add(String.format(Locale.ROOT,
        "  messages     %d: election %d, ok %d, coordinator %d; bounds here %d to %d"
            + " (best case n-1 = %d, worst case K²-1 = %d); %d left unread%s",
        result.messages(), result.electionMessages(), result.okMessages(),
        result.coordinatorMessages(), b.lower(), b.upper(), b.bestCase(), b.worstCase(),
        result.unreadMessages(), result.restarts() == 0 ? "" : "; " + result.restarts() + " restarts"));
    lines.add(ElectionOptions.latency(result.latencyMedianNanos(), result.latencyMaxNanos(),
        result.timeoutMs()));
    return lines;
  }
}
