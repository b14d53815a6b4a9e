package org.mpjbench.kernels.election;

import java.util.List;
import org.mpjbench.kernels.spi.BenchCase;
import org.mpjbench.kernels.spi.FigureMeaning;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.KernelOptions;

/**
 * What the election kernels ({@code ring}, {@code bully}) describe alike: their parameters and
 * options ({@link ElectionOptions}), what their figures mean (one election per run, timed until
 * the last live rank knows the winner) and their benchmark cases.
 *
 * @param <R> the kernel's result record
 */
public abstract class ElectionDescriptor<R> implements KernelDescriptor<ElectionParameters, R> {
  @Override
  public final Class<ElectionParameters> parametersType() {
    return ElectionParameters.class;
  }

  @Override
  public final ElectionParameters defaults() {
    return ElectionParameters.DEFAULTS;
  }

  @Override
  public final KernelOptions<ElectionParameters> options() {
    return new ElectionOptions();
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
