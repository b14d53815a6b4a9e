package org.mpjbench.kernels.mutex;

import java.util.List;
import java.util.function.Function;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.BaseDescriptor;
import org.mpjbench.kernels.spi.BenchCase;

/**
 * What the mutual-exclusion kernels ({@code suzuki-kasami}, {@code ricart-agrawala}) describe
 * alike: their parameters and options ({@link MutexOptions}); their figures are {@link
 * MutexSummary}'s.
 *
 * @param <R> the kernel's result record
 */
public abstract class MutexDescriptor<R> extends BaseDescriptor<MutexParameters, R> {
  /**
   * A mutex kernel's descriptor: its own name, result, program and description, and the
   * parameters, defaults and options all of them share.
   */
  protected MutexDescriptor(String name, Class<R> resultType,
      Function<MutexParameters, ? extends RankProgram<R>> program, String... description) {
    super(name, MutexParameters.class, resultType, MutexParameters.DEFAULTS, MutexOptions::new,
        program, description);
  }

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
