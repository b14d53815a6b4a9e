package org.mpjbench.kernels.suzukikasami;

import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.mutex.MutexDescriptor;
import org.mpjbench.kernels.mutex.MutexParameters;
import org.mpjbench.kernels.mutex.MutexSummary;
import org.mpjbench.kernels.spi.Expectation;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * The Suzuki-Kasami kernel, {@code mpjbench run suzuki-kasami}: its options ({@link
 * org.mpjbench.kernels.mutex.MutexOptions}), its program ({@link SuzukiKasamiKernel}), its figures
 * and its summary.
 */
public final class SuzukiKasamiDescriptor extends MutexDescriptor<SuzukiKasamiResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public SuzukiKasamiDescriptor() {
    super("suzuki-kasami", SuzukiKasamiResult.class, SuzukiKasamiKernel::new,
        "Suzuki-Kasami mutual exclusion: one token, first held by rank 0, carries",
        "LN[] (each rank's last served request) and a queue. A rank without it",
        "broadcasts REQUEST(rank, RN[rank]); the holder passes it on when idle, or on",
        "leaving to the head of the queue of outstanding requests. An entry costs 0",
        "messages (token at hand) or K (K-1 requests + the token). Checked: never two",
        "ranks inside at once, every rank served --entries times, K messages per ask.");
  }

  /** An entry into the critical section; at most K messages each (0 with the token at hand). */
  @Override
  public FigureMeaning meaning() {
    return new FigureMeaning("entry", "wait to enter", true,
        new Expectation("at most K", true, k -> k));
  }

  @Override
  public Figures figures(SuzukiKasamiResult result, int ranks) {
    return MutexSummary.figures(result.check(), result.messages(), result.figures(),
        result.latency(), "at most K = " + ranks);
  }

  @Override
  public List<String> summary(MutexParameters parameters, SuzukiKasamiResult result,
      RunInfo run) {
    List<String> lines = MutexSummary.summary(name(), run, result.check(), result.figures(),
        result.latency(), parameters);
    lines.add(2, String.format(Locale.ROOT,
        "  messages     %,d = %.2f per entry: %,d entries asked (%d messages each), %,d had the"
            + " token at hand (0)",
        result.messages(), result.figures().messagesPerEntry(), result.requestedEntries(),
        run.ranks(), result.entriesWithTokenAtHand()));
    return lines;
  }
}
