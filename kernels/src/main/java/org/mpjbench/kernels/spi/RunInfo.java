package org.mpjbench.kernels.spi;

/**
 * What a kernel's summary needs to know of its run besides its result.
 *
 * @param ranks the number of ranks
 * @param device MPJ's device, e.g. {@code multicore}
 * @param wallTimeSeconds the run's wall time, start to result
 */
public record RunInfo(int ranks, String device, double wallTimeSeconds) {}
