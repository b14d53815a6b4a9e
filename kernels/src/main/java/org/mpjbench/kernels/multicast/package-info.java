/**
 * Group communication (multicast) as an MPJ kernel: rank 0 sends messages to every rank, by MPI
 * Bcast or by point-to-point Isends, optionally with a total order imposed by a sequencer (rank 0)
 * on messages from several senders. The pure parts ({@link
 * org.mpjbench.kernels.multicast.MulticastSchedule}, {@link
 * org.mpjbench.kernels.multicast.MulticastCheck}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.multicast.MulticastKernel}). Real UDP/IP multicast is left out.
 */
package org.mpjbench.kernels.multicast;
