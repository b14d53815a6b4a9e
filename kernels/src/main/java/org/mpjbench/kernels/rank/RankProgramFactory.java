package org.mpjbench.kernels.rank;

/**
 * A rank program that is not one of the kernels of {@link org.mpjbench.kernels.KernelType}, made
 * available to {@link RankMain} through {@link java.util.ServiceLoader} by a module on the rank
 * class path (the JMH harness is one). It lets such modules depend on this one, not the reverse.
 */
public interface RankProgramFactory {
  /** The name the launcher asks for in its start order. */
  String name();

  /** The record type the parameters are decoded into. */
  Class<?> parametersType();

  /** Creates the program a rank runs. */
  RankProgram<?> create(Object parameters);
}
