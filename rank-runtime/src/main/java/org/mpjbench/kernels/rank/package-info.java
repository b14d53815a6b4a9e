/**
 * The rank runtime: the entry point MPJ Express starts in every rank ({@link
 * org.mpjbench.kernels.rank.RankMain}), the connection back to the launcher and the sink that
 * sends a kernel's events over it. It runs what the kernel API declares ({@link
 * org.mpjbench.kernels.program.RankProgram}, found through the registry) and names no kernel.
 */
package org.mpjbench.kernels.rank;
