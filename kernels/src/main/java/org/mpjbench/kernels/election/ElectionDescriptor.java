package org.mpjbench.kernels.election;

import java.util.List;
import java.util.function.Function;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.BenchCase;
import org.mpjbench.kernels.spi.FigureMeaning;

/**
 * What the election kernels ({@code ring}, {@code bully}) describe alike: their parameters and
 * options ({@link ElectionOptions}), what their figures mean (one election per run, timed until
 * the last live rank knows the winner) and their benchmark cases.
 *
 * @param <R> the kernel's result record
 */
public abstract class ElectionDescriptor<R> extends BaseDescriptor<ElectionParameters, R> {
  /**
   * An election kernel's descriptor: its own name, result, program and description, and the
   * parameters, defaults and options all of them share.
   */
  protected ElectionDescriptor(String name, Class<R> resultType,
      Function<ElectionParameters, ? extends RankProgram<R>> program, String... description) {
    super(name, ElectionParameters.class, resultType, ElectionParameters.DEFAULTS,
        ElectionOptions::new, program, description);
  }

  /** One election per run; its latency runs until the last live rank knows the winner. */
  @Override
  public final FigureMeaning meaning() {
    return new FigureMeaning("election", "election, until all know", true, null);
  }

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
