package org.mpjbench.benchmarks;

import mpi.Intracomm;
import org.mpjbench.kernels.rank.RankContext;

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
  private BerkeleyOps.Trial berkeley;
  private DownloadOps.Trial download;

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

  /** The current Berkeley trial; fails when {@link BerkeleyOps.Setup} has not run. */
  BerkeleyOps.Trial berkeley() {
    if (berkeley == null) {
      throw new IllegalStateException("no Berkeley trial: BerkeleyOps.Setup runs first");
    }
    return berkeley;
  }

  /** Starts a Berkeley trial, replacing the last one. */
  void startBerkeley(BerkeleyOps.Trial trial) {
    berkeley = trial;
  }

  /** The current download trial; fails when {@link DownloadOps.Setup} has not run. */
  DownloadOps.Trial download() {
    if (download == null) {
      throw new IllegalStateException("no download trial: DownloadOps.Setup runs first");
    }
    return download;
  }

  /** Starts a download trial. */
  void startDownload(DownloadOps.Trial trial) {
    download = trial;
  }

  /** Ends the download trial (its connections closed). */
  void endDownload() {
    download = null;
  }
}
