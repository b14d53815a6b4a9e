package org.mpjbench.kernels.ricartagrawala;

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
 * The Ricart-Agrawala kernel, {@code mpjbench run ricart-agrawala}: its options ({@link
 * org.mpjbench.kernels.mutex.MutexOptions}), its program ({@link RicartAgrawalaKernel}), its
 * figures and its summary.
 */
public final class RicartAgrawalaDescriptor extends MutexDescriptor<RicartAgrawalaResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public RicartAgrawalaDescriptor() {
    super("ricart-agrawala", RicartAgrawalaResult.class, RicartAgrawalaKernel::new,
        "Ricart-Agrawala mutual exclusion: a rank stamps a REQUEST with its Lamport",
        "clock and sends it to every other rank; a rank replies at once unless it is",
        "inside or asking with a smaller (timestamp, rank), else when it leaves. A",
        "rank enters after K-1 replies: exactly 2(K-1) messages per entry. Checked:",
        "never two ranks inside at once, every rank served --entries times, and",
        "exactly 2(K-1) messages per entry.");
  }

  /** An entry into the critical section: exactly 2(K−1) messages each. */
  @Override
  public FigureMeaning meaning() {
    return new FigureMeaning("entry", "wait to enter", true,
        new Expectation("2(K−1)", false, k -> 2.0 * (k - 1)));
  }

  @Override
  public Figures figures(RicartAgrawalaResult result, int ranks) {
    return MutexSummary.figures(result.check(), result.messages(), result.figures(),
        result.latency(), "2(K−1) = " + 2 * (ranks - 1));
  }

  @Override
  public List<String> summary(MutexParameters parameters, RicartAgrawalaResult result,
      RunInfo run) {
    List<String> lines = MutexSummary.summary(name(), run, result.check(), result.figures(),
        result.latency(), parameters);
    lines.add(2, String.format(Locale.ROOT,
        "  messages     %,d = %.2f per entry (2(K-1) = %d expected: %,d)",
        result.messages(), result.figures().messagesPerEntry(), 2 * (run.ranks() - 1),
        result.expectedMessages()));
    return lines;
  }
}
