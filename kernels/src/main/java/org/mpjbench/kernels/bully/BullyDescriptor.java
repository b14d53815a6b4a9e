package org.mpjbench.kernels.bully;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.election.ElectionDescriptor;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.election.ElectionSummary;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * The Bully election kernel, {@code mpjbench run bully}: its options ({@link org.mpjbench.kernels.election.ElectionOptions}),
 * its program ({@link BullyKernel}), its figures and its summary, in one place.
 */
public final class BullyDescriptor extends ElectionDescriptor<BullyResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public BullyDescriptor() {
    super("bully", BullyResult.class, BullyKernel::new,
        "Bully election. The initiator sends ELECTION to every higher rank; a live higher",
        "rank answers OK and holds its own election; a rank with no OK within",
        "--timeout-ms declares itself coordinator and sends COORDINATOR to every lower",
        "rank; one that got an OK waits for it. Checked: every live rank agrees on the",
        "highest live rank, and the messages counted lie within this configuration's",
        "bounds (textbook: best case n-1, worst case O(n^2)).");
  }

  @Override
  public Figures figures(BullyResult result, int ranks) {
    return new Figures(result.check(), result.messages(), 1, result.latencyMaxNanos(), null,
        null, ElectionSummary.outcome(result.coordinator(), result.latencyMaxNanos())
            + "; messages within bounds " + result.bounds().lower() + " to "
            + result.bounds().upper(), result.latency());
  }

  @Override
  public List<String> summary(ElectionParameters parameters, BullyResult result,
      RunInfo run) {
    BullyBounds b = result.bounds();
    List<String> lines = new ArrayList<>();
    lines.add(ElectionSummary.headline(name(), run, result.crashedRanks(), result.initiator()));
    lines.add(ElectionSummary.property(result.check()));
    lines.add(String.format(Locale.ROOT,
        "  messages     %d: election %d, ok %d, coordinator %d; bounds here %d to %d"
            + " (best case n-1 = %d, worst case K²-1 = %d); %d left unread%s",
        result.messages(), result.electionMessages(), result.okMessages(),
        result.coordinatorMessages(), b.lower(), b.upper(), b.bestCase(), b.worstCase(),
        result.unreadMessages(),
        result.restarts() == 0 ? "" : "; " + result.restarts() + " restarts"));
    lines.add(ElectionSummary.latency(result.latencyMedianNanos(), result.latencyMaxNanos(),
        result.latency(), result.timeoutMs()));
    return lines;
  }

}
