/**
 * Cristian's clock synchronization as an MPJ kernel: rank 0 is the time server, every other rank a
 * client that asks for the server's time several times and steps its clock to {@code server time +
 * round trip / 2} of the exchange with the shortest round trip. The pure steps ({@link
 * org.mpjbench.kernels.cristian.CristianEstimator}) and the promise ({@link
 * org.mpjbench.kernels.cristian.CristianCheck}, checked by the shared {@link
 * org.mpjbench.kernels.clock.TimeServerCheck}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.cristian.CristianKernel}, in the shared frame {@link
 * org.mpjbench.kernels.clock.TimeServerKernel}) so they can be tested alone.
 */
package org.mpjbench.kernels.cristian;
