package org.mpjbench.kernels.ricartagrawala;

import java.util.Locale;
import org.mpjbench.kernels.mutex.MutexDescriptor;
import org.mpjbench.kernels.spi.Expectation;

/**
 * The Ricart-Agrawala kernel, {@code mpjbench run ricart-agrawala}: its options ({@link
 * org.mpjbench.kernels.mutex.MutexOptions}), its program ({@link RicartAgrawalaKernel}), its
 * figures and its summary.
 */
public final class RicartAgrawalaDescriptor extends MutexDescriptor<RicartAgrawalaResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public RicartAgrawalaDescriptor() {
    // An entry costs exactly 2(K−1) messages.
    super("ricart-agrawala", RicartAgrawalaResult.class, RicartAgrawalaKernel::new,
        new Expectation("2(K−1)", false, k -> 2.0 * (k - 1)),
        "Ricart-Agrawala mutual exclusion: enter after every other rank's permission.",
        "A rank stamps a REQUEST with its Lamport clock and sends it to every other rank;",
        "a rank replies at once unless it is inside or asking with a smaller (timestamp,",
        "rank), else when it leaves. A rank enters after K-1 replies: exactly 2(K-1)",
        "messages per entry. Checked: never two ranks inside at once, every rank served",
        "--entries times, and exactly 2(K-1) messages per entry.");
  }

  @Override
  protected String expectedMessages(int ranks) {
    return "2(K−1) = " + 2 * (ranks - 1);
  }

  @Override
  protected String messagesLine(RicartAgrawalaResult result, int ranks) {
    return String.format(Locale.ROOT,
        "  messages     %,d = %.2f per entry (2(K-1) = %d expected: %,d)",
        result.messages(), result.figures().messagesPerEntry(), 2 * (ranks - 1),
        result.expectedMessages());
  }
}
