package org.mpjbench.kernels.spi;

import java.util.function.Predicate;

/**
 * A kernel's command-line options: a picocli-annotated object that the launcher mixes into the
 * kernel's {@code run} subcommand (and a rank program can parse its own arguments into), holding the
 * defaults and help text, and turning the values given into the kernel's parameters.
 *
 * @param <P> the kernel's parameters record
 */
public interface KernelOptions<P> {
  /**
   * The parameters of these options for a run of {@code ranks} ranks.
   *
   * @throws IllegalArgumentException naming the option at fault, in one line
   */
  P parameters(int ranks);

  /**
   * Says, before {@link #parameters}, which options the command line gave (by name, e.g. {@code
   * --seed}), for options whose meaning depends on whether they were given at all; the default
   * ignores it.
   */
  default void given(Predicate<String> matched) {}

  /**
   * What the run needs beside its ranks, in the launching process (a server), or null, the
   * default, when it needs nothing. Called after {@link #parameters}; checks what it will start.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  default KernelFixture<P> fixture(int ranks) {
    return null;
  }
}
