/**
 * Centralized clock synchronization as an MPJ kernel: rank 0 is the time server, every other rank a
 * client that asks for the server's time once and sets its clock to the value it reads, without
 * compensating the reply's travel (as Cristian's algorithm does) or averaging (as Berkeley's does),
 * so that its figures show what those two buy. The pure steps, adopting the read time and its
 * promise ({@link org.mpjbench.kernels.centralizedclock.CentralizedClockCheck}, checked by the
 * shared {@link org.mpjbench.kernels.clock.TimeServerCheck}), are separate from the MPI program
 * ({@link org.mpjbench.kernels.centralizedclock.CentralizedClockKernel}, in the frame it shares
 * with Cristian's, {@link org.mpjbench.kernels.clock.TimeServerKernel}).
 */
package org.mpjbench.kernels.centralizedclock;
