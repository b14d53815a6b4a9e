package org.mpjbench.benchmarks;

import org.mpjbench.kernels.program.RankProgram;
import org.mpjbench.kernels.program.RankProgramFactory;

/** Makes {@link BenchProgram} available to the ranks under the name {@value #NAME}. */
public final class BenchProgramFactory implements RankProgramFactory {
  /** The program name the launcher's {@code bench} command asks for. */
  public static final String NAME = "jmh";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Class<?> parametersType() {
    return BenchParameters.class;
  }

  @Override
  public RankProgram<?> create(Object parameters) {
    return new BenchProgram((BenchParameters) parameters);
  }
}
