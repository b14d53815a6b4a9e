/**
 * Simulated clocks for the clock-synchronization kernels. Every rank's clock is the host's
 * monotonic clock plus an injected offset and drift, so that on one host (where all ranks share
 * that monotonic clock) the true error of every clock is known exactly and the quality of a
 * synchronization can be measured, not guessed.
 */
package org.mpjbench.kernels.clock;
