/**
 * Ring election as an MPJ kernel: an ELECTION message travels the logical ring 0, 1, ..., K-1, 0
 * collecting the ids of the live ranks (a forward to a crashed rank goes unacknowledged and the
 * sender skips to the next one), the initiator picks the highest id, and a COORDINATOR message
 * goes around the live ring once. The pure parts ({@link org.mpjbench.kernels.ring.RingRoute},
 * {@link org.mpjbench.kernels.ring.ElectionList}, {@link org.mpjbench.kernels.ring.RingPrediction},
 * {@link org.mpjbench.kernels.ring.RingCheck}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.ring.RingKernel}).
 */
package org.mpjbench.kernels.ring;
