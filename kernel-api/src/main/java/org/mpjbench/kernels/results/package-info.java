/**
 * Result files, schema {@code mpjbench.run/1} (docs/results.md): the run record, and the writer
 * that stores it beside the run's artifacts without ever overwriting a file; the same code serves
 * the launcher and rank 0 of a run started by MPJ's own starter.
 */
package org.mpjbench.kernels.results;
