package org.mpjbench.kernels.ring;

import java.util.Locale;
import org.mpjbench.kernels.election.ElectionDescriptor;

/**
 * The ring election kernel, {@code mpjbench run ring}: its options ({@link org.mpjbench.kernels.election.ElectionOptions}), its
 * program ({@link RingKernel}), its figures and its summary, in one place.
 */
public final class RingDescriptor extends ElectionDescriptor<RingResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public RingDescriptor() {
    super("ring", RingResult.class, RingKernel::new,
        "Ring election: an ELECTION message goes once around the ring of live ranks.",
        "On the ring 0, 1, ..., K-1, 0 the initiator sends ELECTION to its successor;",
        "each live rank acknowledges it, appends its id and forwards it; a forward not",
        "acknowledged within --timeout-ms skips the crashed successor. Back at the",
        "initiator the highest id wins, and COORDINATOR goes once around the live ring.",
        "Checked: every live rank agrees on the highest live rank, and the messages",
        "counted are exactly the predicted ones.");
  }

  @Override
  protected String messagesOutcome(RingResult result) {
    return result.predictedMessages() + " predicted";
  }

  @Override
  protected String messagesLine(RingResult result) {
    RingPrediction.Counts c = result.counted();
    return String.format(Locale.ROOT,
        "  messages     %d counted, %d predicted: election %d (%d unacknowledged), coordinator"
            + " %d, ack %d; %d left unread (to crashed ranks)",
        result.messages(), result.predictedMessages(), c.election(), c.unacknowledged(),
        c.coordinator(), c.acks(), result.unreadMessages());
  }

}
