package org.mpjbench.kernels.rank;

/**
 * The words MPJ Express's starter puts before a program's own arguments in {@code main(args)}
 * (until {@code MPI.Init} strips them): the rank, its configuration, the device.
 */
public final class StarterArgs {
  private StarterArgs() {}

  /** The device word ({@code smpdev} for multicore, {@code niodev}, {@code hybdev}), or null. */
  public static String device(String[] args) {
    return args.length > 2 ? args[2] : null;
  }
}
