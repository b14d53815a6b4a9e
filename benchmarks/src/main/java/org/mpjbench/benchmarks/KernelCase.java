package org.mpjbench.benchmarks;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.spi.BenchCase;
import org.mpjbench.kernels.spi.KernelDescriptor;
import org.mpjbench.kernels.spi.Kernels;

/**
 * The algorithm kernels {@link KernelRunBenchmark} times, one operation being one whole run of the
 * kernel on every rank: the cases each kernel's descriptor names ({@link
 * KernelDescriptor#benchCases()}), in the registry's order. A kernel's default case is the run
 * {@code mpjbench run <kernel> -np K} makes, so a score reads as "so many default runs per second".
 *
 * <p>Berkeley and download have none: they have benchmarks of their own ({@link
 * BerkeleyRoundBenchmark}, {@link DownloadBenchmark}) that time a round or a download inside one
 * long-lived session. The elections' default run crashes the highest rank, so a ring or bully run
 * waits out one time-out ({@code 200 ms}) before it can go on: their score measures that time-out
 * more than the algorithm. Their {@code -no-crash} cases run the same election with every rank
 * live, which waits for no time-out, so they measure the messages alone.
 *
 * @param benchmarkName the name in {@code bench --benchmarks}, in JMH's {@code kernel} parameter
 *     and the report
 * @param kernel the kernel this case runs
 * @param minRanks the fewest ranks the case is run on: 2 for the no-crash elections, which at 1
 *     rank are the very run of their crashing twin
 * @param defaults the parameters of each run
 * @param unsafe the parameters of each run with {@code --mutex-unsafe}, or null when the kernel
 *     has no unsafe run ({@link BenchCase#unsafeParameters()})
 */
public record KernelCase(String benchmarkName, KernelDescriptor<?, ?> kernel, int minRanks,
    Object defaults, Object unsafe) {
  private static final List<KernelCase> ALL = load();

  /** Every case's name, in order: the values of {@link KernelRunBenchmark#kernel}. */
  public static final List<String> NAMES = ALL.stream().map(KernelCase::benchmarkName).toList();

  private static List<KernelCase> load() {
    List<KernelCase> cases = new ArrayList<>();
    for (KernelDescriptor<?, ?> kernel : Kernels.all()) {
      for (BenchCase<?> c : kernel.benchCases()) {
        cases.add(new KernelCase(c.name(), kernel, c.minRanks(), c.parameters(),
            c.unsafeParameters()));
      }
    }
    return List.copyOf(cases);
  }

  /** Every case, in order. */
  public static List<KernelCase> all() {
    return ALL;
  }

  /** The case named {@code name} in {@link #NAMES}. */
  public static Optional<KernelCase> byName(String name) {
    return ALL.stream().filter(c -> c.benchmarkName.equals(name)).findFirst();
  }

  /**
   * The parameters of one timed run: the case's, or its unsafe run's when {@code mutexUnsafe}
   * and it has one (the mutual-exclusion kernels entering without permission, to see a violated
   * property fail the bench).
   */
  public Object parameters(boolean mutexUnsafe) {
    return mutexUnsafe && unsafe != null ? unsafe : defaults;
  }

  /** The program every rank runs for one timed run. */
  public RankProgram<?> program(boolean mutexUnsafe) {
    return kernel.create(parameters(mutexUnsafe));
  }

  /**
   * The messages a kernel's result counts: every result type of these kernels has a {@code long
   * messages} component (checked by a unit test for each case).
   *
   * @throws IllegalArgumentException for a result without one
   */
  public static long messages(Object result) {
    RecordComponent[] components = result.getClass().getRecordComponents();
    if (components != null) {
      for (RecordComponent component : components) {
        if (component.getName().equals("messages") && component.getType() == long.class) {
          try {
            return (long) component.getAccessor().invoke(result);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
          }
        }
      }
    }
    throw new IllegalArgumentException(result.getClass().getName() + " has no long messages");
  }

  @Override
  public String toString() {
    return benchmarkName;
  }
}
