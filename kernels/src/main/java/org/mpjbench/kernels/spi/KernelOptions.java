package org.mpjbench.kernels.spi;

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
}
