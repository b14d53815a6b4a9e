package org.mpjbench.kernels.bully;

import java.util.Locale;
import org.mpjbench.kernels.election.ElectionDescriptor;

/**
 * The Bully election kernel, {@code mpjbench run bully}: its options ({@link org.mpjbench.kernels.election.ElectionOptions}),
 * its program ({@link BullyKernel}), its figures and its summary, in one place.
 */
public final class BullyDescriptor extends ElectionDescriptor<BullyResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public BullyDescriptor() {
    super("bully", BullyResult.class, BullyKernel::new,
        "Bully election: the highest live rank wins by bullying the lower ones.",
        "The initiator sends ELECTION to every higher rank; a live higher rank answers OK",
        "and holds its own election; a rank with no OK within --timeout-ms declares",
        "itself coordinator and sends COORDINATOR to every lower rank; one that got an OK",
        "waits for it. Checked: every live rank agrees on the highest live rank, and the",
        "messages counted lie within this configuration's bounds (textbook: best case",
        "n-1, worst case O(n^2)).");
  }

  @Override
  protected String messagesOutcome(BullyResult result) {
    return "messages within bounds " + result.bounds().lower() + " to " + result.bounds().upper();
  }

  @Override
  protected String messagesLine(BullyResult result) {
    BullyBounds b = result.bounds();
    return String.format(Locale.ROOT,
        "  messages     %d: election %d, ok %d, coordinator %d; bounds here %d to %d"
            + " (best case n-1 = %d, worst case K²-1 = %d); %d left unread%s",
        result.messages(), result.electionMessages(), result.okMessages(),
        result.coordinatorMessages(), b.lower(), b.upper(), b.bestCase(), b.worstCase(),
        result.unreadMessages(),
        result.restarts() == 0 ? "" : "; " + result.restarts() + " restarts");
  }

}
