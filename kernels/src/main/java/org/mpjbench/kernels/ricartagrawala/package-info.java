/**
 * Ricart and Agrawala's permission-based mutual exclusion as an MPJ kernel: a rank asks every
 * other rank with a Lamport-timestamped REQUEST and enters after K-1 REPLYs; a rank replies at
 * once unless it is inside or asking with an earlier (timestamp, rank), in which case it defers
 * the reply until it leaves. The pure state ({@link
 * org.mpjbench.kernels.ricartagrawala.RicartAgrawalaState}) is separate from the MPI program
 * ({@link org.mpjbench.kernels.ricartagrawala.RicartAgrawalaKernel}).
 */
package org.mpjbench.kernels.ricartagrawala;
