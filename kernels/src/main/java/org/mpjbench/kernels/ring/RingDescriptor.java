package org.mpjbench.kernels.ring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjbench.kernels.election.ElectionOptions;
import org.mpjbench.kernels.election.ElectionParameters;
import org.mpjbench.kernels.election.ElectionSummary;
import org.mpjbench.kernels.rank.RankProgram;
import org.mpjbench.kernels.spi.BenchCase;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelOptions;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * The ring election kernel, {@code mpjbench run ring}: its options ({@link ElectionOptions}), its
 * program ({@link RingKernel}), its figures and its summary, in one place.
 */
public final class RingDescriptor implements KernelDescriptor<ElectionParameters, RingResult> {
  /** The descriptor {@link java.util.ServiceLoader} creates. */
  public RingDescriptor() {}

  @Override
  public String name() {
    return "ring";
  }

  @Override
  public List<String> description() {
    return List.of(
        "Ring election on the ring 0, 1, ..., K-1, 0. The initiator sends ELECTION to its",
        "successor; each live rank acknowledges it, appends its id and forwards it; a",
        "forward not acknowledged within --timeout-ms skips the crashed successor. Back",
        "at the initiator the highest id wins, and COORDINATOR goes once around the live",
        "ring. Checked: every live rank agrees on the highest live rank, and the messages",
        "counted are exactly the predicted ones.");
  }

  @Override
  public Class<ElectionParameters> parametersType() {
    return ElectionParameters.class;
  }

  @Override
  public Class<RingResult> resultType() {
    return RingResult.class;
  }

  @Override
  public ElectionParameters defaults() {
    return ElectionParameters.DEFAULTS;
  }

  @Override
  public KernelOptions<ElectionParameters> options() {
    return new ElectionOptions();
  }

  @Override
  public RankProgram<RingResult> program(ElectionParameters parameters) {
    return new RingKernel(parameters);
  }

  /** One election per run; its latency runs until the last live rank knows the winner. */
  @Override
  public FigureMeaning meaning() {
    return new FigureMeaning("election", "election, until all know", true, null);
  }

  @Override
  public Figures figures(RingResult result, int ranks) {
    return new Figures(result.check(), result.messages(), 1, result.latencyMaxNanos(), null,
        null, ElectionSummary.outcome(result.coordinator(), result.latencyMaxNanos()) + "; "
            + result.predictedMessages() + " predicted");
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
        result.timeoutMs()));
    return lines;
  }

  /**
   * The default run, whose crashed highest rank costs one timeout, and the same election with
   * every rank live (from 2 ranks: at 1 rank it is the very run of the first), which measures the
   * messages alone.
   */
  @Override
  public List<BenchCase<ElectionParameters>> benchCases() {
    ElectionParameters d = defaults();
    return List.of(new BenchCase<>(name(), 1, d), new BenchCase<>(name() + "-no-crash", 2,
        new ElectionParameters(List.of(), d.initiator(), d.timeoutMs(), d.seed())));
  }
}
