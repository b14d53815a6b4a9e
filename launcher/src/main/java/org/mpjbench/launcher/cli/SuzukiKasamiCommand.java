package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.suzukikasami.SuzukiKasamiResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mpjbench run suzuki-kasami}: token-based mutual exclusion. */
@Command(
    name = "suzuki-kasami",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Suzuki-Kasami mutual exclusion: one token, first held by rank 0, carries",
      "LN[] (each rank's last served request) and a queue. A rank without it",
      "broadcasts REQUEST(rank, RN[rank]); the holder passes it on when idle, or on",
      "leaving to the head of the queue of outstanding requests. An entry costs 0",
      "messages (token at hand) or K (K-1 requests + the token). Checked: never two",
      "ranks inside at once, every rank served --entries times, K messages per ask.",
    })
public final class SuzukiKasamiCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Mixin MutexOptions mutex;

  @Override
  public Integer call() throws Exception {
    MutexParameters parameters = mutex.parameters(spec);
    return new KernelRun(spec, run, KernelType.SUZUKI_KASAMI)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), SuzukiKasamiCommand::summary);
  }

  /** The human summary of a complete Suzuki-Kasami run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    SuzukiKasamiResult result = ControlCodec.fromTree(record.result(), SuzukiKasamiResult.class);
    MutexParameters parameters =
        ControlCodec.fromTree(record.parameters(), MutexParameters.class);
    List<String> lines = MutexOptions.summary("suzuki-kasami", record, result.check(),
        result.figures(), parameters);
    lines.add(2, String.format(Locale.ROOT,
        "  messages     %,d = %.2f per entry: %,d entries asked (%d messages each), %,d had the"
            + " token at hand (0)",
        result.messages(), result.figures().messagesPerEntry(), result.requestedEntries(),
        record.ranks(), result.entriesWithTokenAtHand()));
    return lines;
  }
}
