package org.mpjbench.benchmarks;

import java.util.HashMap;
import java.util.Map;
import mpi.Intracomm;
import org.mpjbench.kernels.program.RankContext;

/**
 * What one rank's collective operations work on: its communicator and place, the run's parameters,
 * and what a benchmark keeps from one operation to the next (the Berkeley trial, the download
 * trial). One per rank, owned by its {@link Lockstep}; only that rank's thread touches it.
 */
public final class RankState {
  private final Intracomm comm;
  private final int rank;
  private final int size;
  private final BenchParameters parameters;
  /** What a kernel run gets: progress records and artifacts go nowhere, as nobody reads them. */
  private final RankContext kernelContext;
  /** The benchmarks' trials, by class: what they keep from one operation to the next. */
  private final Map<Class<?>, Object> trials = new HashMap<>();

  RankState(Intracomm comm, int rank, int size, BenchParameters parameters) {
    this.comm = comm;
    this.rank = rank;
    this.size = size;
    this.parameters = parameters;
    this.kernelContext = new RankContext(comm, rank, size, record -> { }, (name, data) -> { });
  }

  /** The world communicator of the ranks. */
  Intracomm comm() {
    return comm;
  }

  /** This rank. */
  int rank() {
    return rank;
  }

  /** The number of ranks. */
  int size() {
    return size;
  }

  /** The parameters of this run. */
  BenchParameters parameters() {
    return parameters;
  }

  /** The context a kernel run on this rank gets. */
  RankContext kernelContext() {
    return kernelContext;
  }

  /**
   * The current trial of a benchmark (the Berkeley or the download trial, by its class); fails
   * when the benchmark's setup operation has not run.
   */
  <T> T trial(Class<T> type) {
    Object trial = trials.get(type);
    if (trial == null) {
      throw new IllegalStateException("no " + type.getName().replace('$', '.')
          + ": the benchmark's setup operation runs first");
    }
    return type.cast(trial);
  }

  /** Starts a trial, replacing the last one of its class. */
  void start(Object trial) {
    trials.put(trial.getClass(), trial);
  }

  /** Ends the trial of {@code type} (its connections closed). */
  void end(Class<?> type) {
    trials.remove(type);
  }
}
