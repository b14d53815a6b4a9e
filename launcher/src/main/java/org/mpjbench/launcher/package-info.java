/**
 * The {@code mpjbench} command-line application: it starts kernels as MPJ Express jobs, watches
 * them, writes their results under {@code results/}, and manages the MPJ daemon for cluster runs.
 */
package org.mpjbench.launcher;
