package org.mpjbench.kernels.election;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.BenchCase;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * What the election kernels ({@code ring}, {@code bully}) describe alike: their parameters and
 * options ({@link ElectionOptions}), what their figures mean (one election per run, timed until
 * the last live rank knows the winner), the figures and summary lines ({@link ElectionSummary})
 * with each kernel's own messages, and their benchmark cases.
 *
 * @param <R> the kernel's result record
 */
public abstract class ElectionDescriptor<R extends ElectionResult>
    extends BaseDescriptor<ElectionParameters, R> {
  /**
   * An election kernel's descriptor: its own name, result, program and description, and the
   * parameters, defaults and options all of them share.
   */
  protected ElectionDescriptor(String name, Class<R> resultType,
      Function<ElectionParameters, ? extends RankProgram<R>> program, String... description) {
    super(name, ElectionParameters.class, resultType, ElectionParameters.DEFAULTS,
        ElectionOptions::new, program,
        // One election per run; its latency runs until the last live rank knows the winner.
        new FigureMeaning("election", "election, until all know", true, null), description);
  }

  /** One election, at the time the last live rank knew the winner; no rate, no ping-pong. */
  @Override
  public final Figures figures(R result, int ranks) {
    return new Figures(result.check(), result.messages(), 1, result.latencyMaxNanos(), null,
        null, ElectionSummary.outcome(result.coordinator(), result.latencyMaxNanos()) + "; "
            + messagesOutcome(result), result.latency());
  }

  /** The headline's end: the messages against what the kernel predicts or bounds. */
  protected abstract String messagesOutcome(R result);

  /** Headline, property, the kernel's {@link #messagesLine}, latency. */
  @Override
  public final List<String> summary(ElectionParameters parameters, R result, RunInfo run) {
    List<String> lines = new ArrayList<>();
    lines.add(ElectionSummary.headline(name(), run, result.crashedRanks(), result.initiator()));
    lines.add(ElectionSummary.property(result.check()));
    lines.add(messagesLine(result));
    lines.add(ElectionSummary.latency(result.latencyMedianNanos(), result.latencyMaxNanos(),
        result.latency(), result.timeoutMs()));
    return lines;
  }

  /** The summary's messages line: the counts by kind, against the prediction or bounds. */
  protected abstract String messagesLine(R result);

  /**
   * The default run, whose crashed highest rank costs one timeout, and the same election with
   * every rank live (from 2 ranks: at 1 rank it is the very run of the first), which measures the
   * messages alone.
   */
  @Override
  public final List<BenchCase<ElectionParameters>> benchCases() {
    ElectionParameters d = defaults();
    return List.of(new BenchCase<>(name(), 1, d), new BenchCase<>(name() + "-no-crash", 2,
        new ElectionParameters(List.of(), d.initiator(), d.timeoutMs(), d.seed())));
  }
}
