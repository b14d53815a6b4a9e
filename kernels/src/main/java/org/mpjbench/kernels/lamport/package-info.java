/**
 * Lamport's logical clocks, and optionally vector clocks, as an MPJ kernel: the ranks exchange a
 * seeded random pattern of point-to-point messages, stamp every event, and rank 0 checks the
 * gathered trace. The pure parts (the {@link org.mpjbench.kernels.lamport.LamportPattern}, the
 * {@link org.mpjbench.kernels.lamport.LogicalClock} rules, the {@link
 * org.mpjbench.kernels.lamport.LamportCheck} checkers) have no MPI, so they are tested alone.
 */
package org.mpjbench.kernels.lamport;
