package org.mpjbench.launcher.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mpjbench.kernels.KernelType;
import org.mpjbench.kernels.control.ControlCodec;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.ricartagrawala.RicartAgrawalaResult;
import org.mpjbench.launcher.results.RunRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mpjbench run ricart-agrawala}: permission-based mutual exclusion. */
@Command(
    name = "ricart-agrawala",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Ricart-Agrawala mutual exclusion: a rank stamps a REQUEST with its Lamport",
      "clock and sends it to every other rank; a rank replies at once unless it is",
      "inside or asking with a smaller (timestamp, rank), else when it leaves. A",
      "rank enters after K-1 replies: exactly 2(K-1) messages per entry. Checked:",
      "never two ranks inside at once, every rank served --entries times, and",
      "exactly 2(K-1) messages per entry.",
    })
public final class RicartAgrawalaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin RunOptions run;

  @Mixin MutexOptions mutex;

  @Override
  public Integer call() throws Exception {
    MutexParameters parameters = mutex.parameters(spec);
    return new KernelRun(spec, run, KernelType.RICART_AGRAWALA)
        .execute(parameters, new KernelRun.Progress(0, n -> 0), RicartAgrawalaCommand::summary);
  }

  /** The human summary of a complete Ricart-Agrawala run. */
  static List<String> summary(RunRecord record, Path file) throws IOException {
    RicartAgrawalaResult result =
        ControlCodec.fromTree(record.result(), RicartAgrawalaResult.class);
    MutexParameters parameters =
        ControlCodec.fromTree(record.parameters(), MutexParameters.class);
    List<String> lines = MutexOptions.summary("ricart-agrawala", record, result.check(),
        result.figures(), parameters);
    lines.add(2, String.format(Locale.ROOT,
        "  messages     %,d = %.2f per entry (2(K-1) = %d expected: %,d)",
        result.messages(), result.figures().messagesPerEntry(), 2 * (record.ranks() - 1),
        result.expectedMessages()));
    return lines;
  }
}
