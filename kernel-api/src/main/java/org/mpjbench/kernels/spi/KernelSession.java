package org.mpjbench.kernels.spi;

/**
 * A kernel cut into steps that a benchmark times one call at a time, on every rank at once: what a
 * run does in one go (Berkeley's rounds, the download's whole-file downloads), opened once per
 * trial, stepped per timed invocation, checked and closed at the end. A descriptor offers it
 * through {@link KernelDescriptor#session}; the benchmarks name no kernel class to use it.
 *
 * <p>Every method is collective: every rank calls it with the same arguments, in the same order.
 */
public interface KernelSession extends AutoCloseable {
  /**
   * Runs {@code count} steps.
   *
   * @return on rank 0 the work the steps did, in the unit the descriptor names (lines received,
   *     rounds run); 0 on the other ranks
   */
  long steps(int count) throws Exception;

  /**
   * Checks the kernel's property over the steps so far.
   *
   * @return on rank 0 the figure the descriptor names (the true skew in ns, the accepted
   *     downloads); 0 on the other ranks
   * @throws IllegalStateException on rank 0 when the property does not hold: the kernel is broken
   *     and the benchmark must fail
   */
  long check() throws Exception;

  /** Releases what the session holds (connections); steps no more. */
  @Override
  void close();
}
