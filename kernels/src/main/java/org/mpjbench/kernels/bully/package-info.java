/**
 * The Bully election (Garcia-Molina) as an MPJ kernel: a rank that notices the coordinator is gone
 * sends ELECTION to every higher rank; a live higher rank answers OK and holds its own election;
 * a rank that hears no OK within the timeout becomes the coordinator and tells every lower rank.
 * The pure parts ({@link org.mpjbench.kernels.bully.BullyContacts}, {@link
 * org.mpjbench.kernels.bully.BullyBounds}, {@link org.mpjbench.kernels.bully.BullyCheck}) are
 * separate from the MPI program ({@link org.mpjbench.kernels.bully.BullyKernel}).
 */
package org.mpjbench.kernels.bully;
