/**
 * Suzuki and Kasami's token-based mutual exclusion as an MPJ kernel: a rank that wants the
 * critical section without holding the token broadcasts REQUEST(rank, RN[rank]); the holder hands
 * the token over when idle; on release the token's queue collects every rank with an outstanding
 * request. The pure state ({@link org.mpjbench.kernels.suzukikasami.SuzukiKasamiState}, {@link
 * org.mpjbench.kernels.suzukikasami.Token}) is separate from the MPI program ({@link
 * org.mpjbench.kernels.suzukikasami.SuzukiKasamiKernel}).
 */
package org.mpjbench.kernels.suzukikasami;
