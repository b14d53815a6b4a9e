package org.mpjbench.kernels.mutex;

import java.util.List;
import java.util.function.Function;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.BenchCase;
import org.mpjbench.kernels.spi.Expectation;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.Figures;
import org.mpjbench.kernels.spi.RunInfo;

/**
 * What the mutual-exclusion kernels ({@code suzuki-kasami}, {@code ricart-agrawala}) describe
 * alike: their parameters and options ({@link MutexOptions}); what an operation is (an entry,
 * timed as the wait to enter); their figures and summary, {@link MutexSummary}'s, with each
 * kernel's own message expectation and messages line.
 *
 * @param <R> the kernel's result record
 */
public abstract class MutexDescriptor<R extends MutexResult>
    extends BaseDescriptor<MutexParameters, R> {
  /**
   * A mutex kernel's descriptor: its own name, result, program, messages per entry and
   * description, and the parameters, defaults and options all of them share.
   */
  protected MutexDescriptor(String name, Class<R> resultType,
      Function<MutexParameters, ? extends RankProgram<R>> program, Expectation messagesPerEntry,
      String... description) {
    super(name, MutexParameters.class, resultType, MutexParameters.DEFAULTS, MutexOptions::new,
        program,
        // An entry into the critical section, with the kernel's messages per entry.
        new FigureMeaning("entry", "wait to enter", true, messagesPerEntry), description);
  }

  @Override
  public final Figures figures(R result, int ranks) {
    return MutexSummary.figures(result.check(), result.messages(), result.figures(),
        result.latency(), expectedMessages(ranks));
  }

  /** The messages per entry expected with {@code ranks} ranks, as the headline says it. */
  protected abstract String expectedMessages(int ranks);

  /** {@link MutexSummary#summary}'s lines with the kernel's {@link #messagesLine} third. */
  @Override
  public final List<String> summary(MutexParameters parameters, R result, RunInfo run) {
    List<String> lines = MutexSummary.summary(name(), run, result.check(), result.figures(),
        result.latency(), parameters);
    lines.add(2, messagesLine(result, run.ranks()));
    return lines;
  }

  /** The summary's messages line: the messages against what the algorithm costs. */
  protected abstract String messagesLine(R result, int ranks);

  /**
   * The default run, and for {@code bench --mutex-unsafe} the same run entering without
   * permission, which the property check must catch.
   */
  @Override
  public List<BenchCase<MutexParameters>> benchCases() {
    MutexParameters d = defaults();
    return List.of(new BenchCase<>(name(), 1, d, new MutexParameters(d.entries(), d.holdUs(),
        d.thinkUs(), d.seed(), true, d.stallTimeoutMs())));
  }
}
