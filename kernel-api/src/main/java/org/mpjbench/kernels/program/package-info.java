/**
 * What a kernel runs, as part of the kernel API: the program every rank runs ({@link
 * org.mpjbench.kernels.program.RankProgram}), made by a registered {@link
 * org.mpjbench.kernels.program.RankProgramFactory}, what it gets from its rank ({@link
 * org.mpjbench.kernels.program.RankContext}) and its trace events ({@link
 * org.mpjbench.kernels.program.KernelEvents}). No protocol and no runtime here: the rank runtime
 * ({@code org.mpjbench.kernels.rank}) and the standalone starter depend on this package, never the
 * reverse, so a kernel compiles against the API alone.
 */
package org.mpjbench.kernels.program;
