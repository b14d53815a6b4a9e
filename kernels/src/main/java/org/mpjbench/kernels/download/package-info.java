/**
 * Cooperative file download as an MPJ kernel: every rank fetches random lines from a rate-limited
 * line server over its own connection, the ranks share what they got through MPI, and rank 0
 * assembles the whole file and submits it. The pure parts (pacing, coupon-collector figures, the
 * MPI batch layout) are separate from the threads and sockets so that they can be tested alone.
 * The server and its wire protocol live in the {@code server} and {@code protocol} subpackages.
 */
package org.mpjbench.kernels.download;
