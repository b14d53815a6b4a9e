package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.ring.RingPrediction;
import org.mpjbench.kernels.ring.RingResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mpjbench run ring}: ring election. */
@Command(
    name = "ring",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Ring election on the ring 0, 1, ..., K-1, 0. The initiator sends ELECTION to its",
      "successor; each live rank acknowledges it, appends its id and forwards it; a",
      "forward not acknowledged within --timeout-ms skips the crashed successor. Back",
      "at the initiator the highest id wins, and COORDINATOR goes once around the live",
      "ring. Checked: every live rank agrees on the highest live rank, and the messages",
      "counted are exactly the predicted ones.",
    })
public final class RingCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Mixin ElectionOptions election;

  @Override
  public Integer call() throws Exception {
    // The election's options first: bad input must fail before KernelRun looks for MPJ.
    ElectionParameters parameters = election.parameters(spec, run.ranks);
    return new KernelRun(spec, run, KernelType.RING)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), RingCommand::summary);
  }

  /** The human summary of a complete ring election. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    RingResult result = ControlCodec.fromTree(record.result(), RingResult.class);
    RingPrediction.Counts c = result.counted();
    List<String> lines = new ArrayList<>();
    lines.add(ElectionOptions.headline("ring", record, result.crashedRanks(),
        result.initiator()));
    lines.add(ElectionOptions.property(result.check()));
    lines.add(String.format(Locale.ROOT,
        "  messages     %d counted, %d predicted: election %d (%d unacknowledged), coordinator"
            + " %d, ack %d; %d left unread (to crashed ranks)",
        result.messages(), result.predictedMessages(), c.election(), c.unacknowledged(),
        c.coordinator(), c.acks(), result.unreadMessages()));
    lines.add(ElectionOptions.latency(result.latencyMedianNanos(), result.latencyMaxNanos(),
        result.timeoutMs()));
    return lines;
  }
}
