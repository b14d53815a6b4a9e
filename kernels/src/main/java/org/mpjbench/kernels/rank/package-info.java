/**
 * What runs inside an MPJ Express rank: the entry point the runtime starts ({@link
 * org.mpjbench.kernels.rank.RankMain}), the connection back to the launcher, and the contract every
 * kernel implements ({@link org.mpjbench.kernels.rank.RankProgram}).
 */
package org.mpjbench.kernels.rank;
