package org.mpjbench.kernels.suzukikasami;

import java.util.Locale;
import org.mpjbench.kernels.mutex.MutexDescriptor;
import org.mpjbench.kernels.spi.Expectation;

/**
 * The Suzuki-Kasami kernel, {@code mpjbench run suzuki-kasami}: its options ({@link
 * org.mpjbench.kernels.mutex.MutexOptions}), its program ({@link SuzukiKasamiKernel}), its figures
 * and its summary.
 */
public final class SuzukiKasamiDescriptor extends MutexDescriptor<SuzukiKasamiResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public SuzukiKasamiDescriptor() {
    // An entry costs at most K messages (0 with the token at hand).
    super("suzuki-kasami", SuzukiKasamiResult.class, SuzukiKasamiKernel::new,
        new Expectation("at most K", true, k -> k),
        "Suzuki-Kasami mutual exclusion: one token, asked for by broadcast.",
        "One token, first held by rank 0, carries LN[] (each rank's last served request)",
        "and a queue. A rank without it broadcasts REQUEST(rank, RN[rank]); the holder",
        "passes it on when idle, or on leaving to the head of the queue of outstanding",
        "requests. An entry costs 0 messages (token at hand) or K (K-1 requests + the",
        "token). Checked: never two ranks inside at once, every rank served --entries",
        "times, K messages per ask.");
  }

  @Override
  protected String expectedMessages(int ranks) {
    return "at most K = " + ranks;
  }

  @Override
  protected String messagesLine(SuzukiKasamiResult result, int ranks) {
    return String.format(Locale.ROOT,
        "  messages     %,d = %.2f per entry: %,d entries asked (%d messages each), %,d had the"
            + " token at hand (0)",
        result.messages(), result.figures().messagesPerEntry(), result.requestedEntries(),
        ranks, result.entriesWithTokenAtHand());
  }
}
