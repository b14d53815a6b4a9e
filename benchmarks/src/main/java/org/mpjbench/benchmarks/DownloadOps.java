package org.mpjbench.benchmarks;

import org.mpjbench.kernels.download.DownloadParameters;
import org.mpjbench.kernels.download.DownloadResult;
import org.mpjbench.kernels.download.DownloadSession;

/**
 * The collective operations of {@link DownloadBenchmark}: connecting every rank to rank 0's line
 * server, the downloads, and closing, and the trial they share on each rank ({@link
 * RankState#download()}).
 */
public final class DownloadOps {
  private DownloadOps() {}

  /**
   * Starts a trial: connects every rank to the line server rank 0 started.
   *
   * @param port the line server's port (on {@link BenchParameters#serverHost()})
   * @param lines the lines of the served file
   * @param ratePerSecond the server's requests per second per connection
   */
  public record Setup(int port, int lines, double ratePerSecond) implements CollectiveOp {
    @Override
    public long run(RankState state) throws Exception {
      DownloadSession session = new DownloadSession(state.comm(), state.rank(), state.size(),
          new DownloadParameters(state.parameters().serverHost(), port, lines, ratePerSecond, 5,
              20, 10_000, 5_000, "jmh", "ranks"));
      state.start(new Trial(session));
      return 0;
    }
  }

  /**
   * Downloads the whole file, submitted to the server each time; returns on rank 0 the lines all
   * ranks received.
   *
   * @param downloads how many times
   */
  public record Downloads(int downloads) implements CollectiveOp {
    @Override
    public long run(RankState state) throws Exception {
      Trial trial = state.trial(Trial.class);
      long lines = 0;
      for (int i = 0; i < downloads; i++) {
        DownloadSession.Outcome outcome = trial.session.download(point -> { });
        if (outcome != null) { // rank 0's: the others have no result
          trial.accepted += outcome.result().accepted() ? 1 : 0;
          for (DownloadResult.RankFigures figures : outcome.result().ranks()) {
            lines += figures.linesReceived();
          }
        }
      }
      return lines;
    }
  }

  /** Ends a trial: closes the connections; returns on rank 0 the downloads the server accepted. */
  public record Close() implements CollectiveOp {
    @Override
    public long run(RankState state) {
      Trial trial = state.trial(Trial.class);
      trial.session.close();
      state.end(Trial.class);
      return trial.accepted;
    }
  }

  /** One trial on one rank: its session and (rank 0) the accepted downloads so far. */
  static final class Trial {
    private final DownloadSession session;
    private long accepted;

    Trial(DownloadSession session) {
      this.session = session;
    }
  }
}
