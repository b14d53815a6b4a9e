package org.mpjbench.kernels.mutex;

import java.util.function.Function;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.BaseDescriptor;

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
}
