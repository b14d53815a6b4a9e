package org.mpjbench.kernels.election;

import java.util.List;
import org.mpjbench.kernels.check.PropertyCheck;
import org.mpjbench.kernels.spi.Latencies;

/**
 * What every election kernel's result record reports alike, from which {@link
 * ElectionDescriptor} reads the figures and the summary lines they share; each record adds its own
 * message counts.
 */
public interface ElectionResult {
  /** Agreement on the highest live rank, and the kernel's message check. */
  PropertyCheck check();

  /** Messages of the election, counted by the ranks. */
  long messages();

  /** The ranks crashed before the election. */
  List<Integer> crashedRanks();

  /** The rank that started the election. */
  int initiator();

  /** The coordinator the live ranks agreed on. */
  int coordinator();

  /** The median of the live ranks' learning times. */
  long latencyMedianNanos();

  /** When the last live rank knew the coordinator. */
  long latencyMaxNanos();

  /** The timeout of the run. */
  long timeoutMs();

  /** P50, P90, P99 and max of the live ranks' learning times; null in older result files. */
  Latencies latency();
}
