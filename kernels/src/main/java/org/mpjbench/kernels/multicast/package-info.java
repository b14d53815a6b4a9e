/**
 * Group communication (multicast) as an MPJ kernel: rank 0 sends messages to every rank, by MPI
 * Bcast or by point-to-point Isends, optionally with a total order imposed by a sequencer (rank 0)
 * on messages from several senders. The pure parts ({@link
 * org.mpjbench.kernels.multicast.MulticastSchedule}, {@link
 * org.mpjbench.kernels.multicast.MulticastCheck}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.multicast.MulticastKernel}). With {@code --transport udp} rank 0 sends
 * real UDP/IP multicast datagrams ({@link org.mpjbench.kernels.multicast.UdpDatagram}) and the
 * members account for them ({@link org.mpjbench.kernels.multicast.SequenceTracker}), optionally
 * repairing losses ({@link org.mpjbench.kernels.multicast.RepairPlan}).
 */
package org.mpjbench.kernels.multicast;
