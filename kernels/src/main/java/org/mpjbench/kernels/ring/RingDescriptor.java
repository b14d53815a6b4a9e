package org.mpjbench.kernels.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.election.ElectionDescriptor;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.election.ElectionSummary;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * The ring election kernel, {@code mpjbench run ring}: its options ({@link org.mpjbench.kernels.election.ElectionOptions}), its
 * program ({@link RingKernel}), its figures and its summary, in one place.
 */
public final class RingDescriptor extends ElectionDescriptor<RingResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public RingDescriptor() {
    super("ring", RingResult.class, RingKernel::new,
        "Ring election on the ring 0, 1, ..., K-1, 0. The initiator sends ELECTION to its",
        "successor; each live rank acknowledges it, appends its id and forwards it; a",
        "forward not acknowledged within --timeout-ms skips the crashed successor. Back",
        "at the initiator the highest id wins, and COORDINATOR goes once around the live",
        "ring. Checked: every live rank agrees on the highest live rank, and the messages",
        "counted are exactly the predicted ones.");
  }

  @Override
  public Figures figures(RingResult result, int ranks) {
    return new Figures(result.check(), result.messages(), 1, result.latencyMaxNanos(), null,
        null, ElectionSummary.outcome(result.coordinator(), result.latencyMaxNanos()) + "; "
            + result.predictedMessages() + " predicted", result.latency());
  }

  @Override
  public List<String> summary(ElectionParameters parameters, RingResult result,
      RunInfo run) {
    RingPrediction.Counts c = result.counted();
    List<String> lines = new ArrayList<>();
    lines.add(ElectionSummary.headline(name(), run, result.crashedRanks(), result.initiator()));
    lines.add(ElectionSummary.property(result.check()));
    lines.add(String.format(Locale.ROOT,
        "  messages     %d counted, %d predicted: election %d (%d unacknowledged), coordinator"
            + " %d, ack %d; %d left unread (to crashed ranks)",
        result.messages(), result.predictedMessages(), c.election(), c.unacknowledged(),
        c.coordinator(), c.acks(), result.unreadMessages()));
    lines.add(ElectionSummary.latency(result.latencyMedianNanos(), result.latencyMaxNanos(),
        result.latency(), result.timeoutMs()));
    return lines;
  }

}
