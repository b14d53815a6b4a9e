package org.mpjbench.kernels.download;

import org.mpjbench.kernels.spi.KernelSession;

/**
 * The cooperative download as steps a benchmark times: a step is one whole download of the file
 * by every rank over the connections the session opened, submitted to the line server; rank 0
 * counts the lines the ranks received and the downloads the server accepted. The check fails when
 * one was not accepted (the reassembled file did not match).
 */
final class DownloadSteps implements KernelSession {
  private final DownloadSession session;
  private long downloads;
  private long accepted;

  DownloadSteps(DownloadSession session) {
    this.session = session;
  }

  /** Runs {@code count} downloads; returns on rank 0 the lines all ranks received. */
  @Override
  public long steps(int count) throws Exception {
    long lines = 0;
    for (int i = 0; i < count; i++) {
      DownloadSession.Outcome outcome = session.download(point -> { });
      if (outcome != null) { // rank 0's: the others have no result
        downloads++;
        accepted += outcome.result().accepted() ? 1 : 0;
        for (DownloadResult.RankFigures figures : outcome.result().ranks()) {
          lines += figures.linesReceived();
        }
      }
    }
    return lines;
  }

  /** The downloads the server accepted, on rank 0: all of them, or the check fails. */
  @Override
  public long check() {
    if (accepted != downloads) {
      throw new IllegalStateException("download check failed: the line server accepted "
          + accepted + " of " + downloads + " downloads");
    }
    return accepted;
  }

  /** Closes every rank's connections to the line server. */
  @Override
  public void close() {
    session.close();
  }
}
