/**
 * The distributed algorithms of mpjbench and the catalogue that names them ({@link
 * org.mpjbench.kernels.KernelType}). Each kernel is a {@link org.mpjbench.kernels.rank.RankProgram}
 * that every MPJ Express rank runs; the launcher module chooses one by name and never touches MPI
 * itself.
 */
package org.mpjbench.kernels;
