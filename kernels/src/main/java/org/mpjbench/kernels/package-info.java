/**
 * The distributed algorithms of mpjbench, one package each, and the registry that names them
 * ({@link org.mpjbench.kernels.spi.Kernels}). Each kernel is a {@link
 * org.mpjbench.kernels.program.RankProgram} that every MPJ Express rank runs, described by its {@link
 * org.mpjbench.kernels.spi.KernelDescriptor}; the launcher module chooses one by name and never
 * touches MPI itself.
 */
package org.mpjbench.kernels;
