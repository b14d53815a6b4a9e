/**
 * Berkeley clock synchronization (Gusella and Zatti, TEMPO for 4.3BSD) as an MPJ kernel: the
 * master polls every slave, estimates each offset compensating half the round trip, averages only
 * the offsets that agree, and sends every rank its own correction. The pure steps ({@link
 * org.mpjbench.kernels.berkeley.OffsetSample}, {@link
 * org.mpjbench.kernels.berkeley.FaultTolerantAverage}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.berkeley.BerkeleyKernel}) so they can be tested alone.
 */
package org.mpjbench.kernels.berkeley;
