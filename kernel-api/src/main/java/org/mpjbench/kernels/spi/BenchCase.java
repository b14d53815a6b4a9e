package org.mpjbench.kernels.spi;

/**
 * One case of the JMH benchmark that times a kernel as whole runs ({@code KernelRunBenchmark}).
 *
 * @param name the case's name, the value of the benchmark's {@code kernel} parameter
 * @param minRanks the fewest ranks for which the case is a distinct run
 * @param parameters the parameters of each run
 * @param unsafeParameters the same run with its safety broken on purpose ({@code bench
 *     --mutex-unsafe}: the mutual-exclusion kernels enter without permission), so that a user sees
 *     the property check fail the bench; null when the kernel has no such run
 * @param <P> the kernel's parameters record
 */
public record BenchCase<P>(String name, int minRanks, P parameters, P unsafeParameters) {
  /** A case without an unsafe run. */
  public BenchCase(String name, int minRanks, P parameters) {
    this(name, minRanks, parameters, null);
  }
}
