package org.mpjbench.kernels.mutex;

import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * What every mutual-exclusion kernel's result record reports alike, from which {@link
 * MutexDescriptor} reads the figures and the summary lines they share; each record adds its own
 * message figures.
 */
public interface MutexResult {
  /** Mutual exclusion, every entry served, and the kernel's message count. */
  PropertyCheck check();

  /** The algorithm's messages of all ranks (DONE notices not counted). */
  long messages();

  /** Entries, waiting times and message figures. */
  MutexFigures figures();

  /** P50, P90, P99 and max of the waits; null in a result file written before it. */
  Latencies latency();
}
