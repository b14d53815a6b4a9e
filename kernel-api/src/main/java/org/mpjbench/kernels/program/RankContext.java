package org.mpjbench.kernels.program;

import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import mpi.Intracomm;

/**
 * What a running kernel gets from its rank: the communicator, its place in it, a way to report
 * intermediate records (they reach the launcher at once and survive an interrupted run), and its
 * algorithm's events for the {@code --trace} file.
 *
 * @param comm the communicator of all ranks of the run
 * @param rank this rank's number in {@code comm}
 * @param size the number of ranks in {@code comm}
 * @param progress receives kernel records to forward to the launcher; only rank 0 should use it
 * @param artifacts receives named files (e.g. a reassembled download) for the launcher to store
 *     beside the result file, wherever this rank runs
 * @param events the algorithm's steps for the trace, on every rank; {@link KernelEvents#off()}
 *     when no trace was asked for
 * @param resultsFolder the run's results folder as the launcher (or the standalone starter) named
 *     it, absolute, for a kernel that keeps files of its own beside the results (file-ipc's
 *     default folder); null when there is none (a benchmark's runs)
 */
public record RankContext(
    Intracomm comm,
    int rank,
    int size,
    Consumer<Object> progress,
    BiConsumer<String, byte[]> artifacts,
    KernelEvents events,
    Path resultsFolder) {

  /** A null {@code events} means none. */
  public RankContext {
    events = events == null ? KernelEvents.off() : events;
  }

  /** A context without a results folder. */
  public RankContext(Intracomm comm, int rank, int size, Consumer<Object> progress,
      BiConsumer<String, byte[]> artifacts, KernelEvents events) {
    this(comm, rank, size, progress, artifacts, events, null);
  }

  /** A context whose kernel events go nowhere (no {@code --trace}). */
  public RankContext(Intracomm comm, int rank, int size, Consumer<Object> progress,
      BiConsumer<String, byte[]> artifacts) {
    this(comm, rank, size, progress, artifacts, KernelEvents.off());
  }

  /** True on the rank that coordinates and reports the result. */
  public boolean isRoot() {
    return rank == 0;
  }
}
