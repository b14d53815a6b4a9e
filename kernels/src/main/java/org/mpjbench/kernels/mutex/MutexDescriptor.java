package org.mpjbench.kernels.mutex;

import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelOptions;

/**
 * What the mutual-exclusion kernels ({@code suzuki-kasami}, {@code ricart-agrawala}) describe
 * alike: their parameters and options ({@link MutexOptions}); their figures are {@link
 * MutexSummary}'s.
 *
 * @param <R> the kernel's result record
 */
public abstract class MutexDescriptor<R> implements KernelDescriptor<MutexParameters, R> {
  @Override
  public final Class<MutexParameters> parametersType() {
    return MutexParameters.class;
  }

  @Override
  public final MutexParameters defaults() {
    return MutexParameters.DEFAULTS;
  }

  @Override
  public final KernelOptions<MutexParameters> options() {
    return new MutexOptions();
  }
}
