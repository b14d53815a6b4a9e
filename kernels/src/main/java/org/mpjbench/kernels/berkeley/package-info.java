/**
 * Berkeley clock synchronization (Gusella and Zatti, TEMPO for 4.3BSD) as an MPJ kernel: the
 * master polls every slave, estimates each offset compensating half the round trip, averages only
 * the offsets that agree, and sends every rank its own correction, each slave's own part filtered
 * over rounds (stepped, rejected or slewed with a rate change). The pure steps ({@link
 * org.mpjbench.kernels.berkeley.OffsetSample}, {@link
 * org.mpjbench.kernels.berkeley.FaultTolerantAverage}, {@link
 * org.mpjbench.kernels.berkeley.ClockDiscipline}) are separate from the MPI program ({@link
 * org.mpjbench.kernels.berkeley.BerkeleyKernel}) so they can be tested alone.
 */
package org.mpjbench.kernels.berkeley;
