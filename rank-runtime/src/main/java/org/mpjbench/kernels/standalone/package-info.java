/**
 * Runs a kernel under MPJ Express's own starter ({@code mpjrun.sh ... -jar mpjbench-ranks.jar
 * KERNEL OPTIONS}), without the mpjbench launcher: every rank parses the same arguments, rank 0
 * starts what the kernel needs beside its ranks and hands the parameters to the others, and after
 * a final collective rank 0 writes the result file and prints the summary through the same
 * results library as the launcher. Every rank bounds its own run with {@code --timeout-s}.
 */
package org.mpjbench.kernels.standalone;
