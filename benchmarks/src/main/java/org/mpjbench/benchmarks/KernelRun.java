package org.mpjbench.benchmarks;

/**
 * One whole run of a kernel case ({@link KernelCase}) on every rank, with its default parameters
 * (and unsafe mutual exclusion when the run asks for it); returns on rank 0 the messages the run
 * counted. The kernel's property check throws on rank 0 when the property does not hold.
 *
 * @param kernelCase the case's name, one of {@link KernelCase#NAMES}
 */
public record KernelRun(String kernelCase) implements CollectiveOp {
  @Override
  public long run(RankState state) throws Exception {
    KernelCase kernel = KernelCase.byName(kernelCase).orElseThrow(() ->
        new IllegalArgumentException("no kernel case " + kernelCase));
    Object result = kernel.program(state.parameters().mutexUnsafe()).run(state.kernelContext());
    return state.rank() == 0 ? KernelCase.messages(result) : 0;
  }
}
