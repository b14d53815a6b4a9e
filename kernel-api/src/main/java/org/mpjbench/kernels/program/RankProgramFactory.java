package org.mpjbench.kernels.program;

/**
 * A program a rank can run, found by {@link RankMain} through {@link java.util.ServiceLoader}:
 * every kernel's descriptor (a {@code org.mpjbench.kernels.spi.KernelDescriptor} is one) and
 * programs of other modules on the rank class path (the JMH harness). The runtime imports none of
 * them: modules depend on this one, not the reverse.
 */
public interface RankProgramFactory {
  /** The name the launcher asks for in its start order. */
  String name();

  /** The record type the parameters are decoded into. */
  Class<?> parametersType();

  /** Creates the program a rank runs. */
  RankProgram<?> create(Object parameters);
}
