package org.mpjbench.kernels.download;

import org.mpjbench.kernels.spi.Latencies;

import java.util.List;

/**
 * A whole download as rank 0 reports it. Times are seconds from the common start (a barrier),
 * measured on the host's monotonic clock.
 *
 * @param lineCount N, the lines of the file
 * @param ratePerSecond R, the server's rate per connection
 * @param burst B, the server's burst per connection
 * @param expectedDraws N·H(N), the draws expected to collect every line
 * @param boundSeconds N·H(N)/(K·R), the expected time of a perfect K-rank download
 * @param draws D, the lines the server handed the group until the group held every line (luck)
 * @param groupCompleteSeconds when the group first held every line
 * @param masterCompleteSeconds T, when the master held every line
 * @param efficiency E = D/(K·R)/T: 1 means the ranks used every request the server allowed
 * @param submitSeconds when the server's verdict arrived
 * @param verdict the server's answer to SUBMIT
 * @param accepted whether the verdict is {@code SUBMIT OK}
 * @param fileBytes size of the reassembled file
 * @param fileSha256 SHA-256 of the reassembled file, hex
 * @param exchanges how many times the ranks shared their lines
 * @param medianExchangeNanos median time rank 0 spent in one exchange (the MPI cost of sharing)
 * @param series distinct lines known to the master, after each exchange
 * @param ranks per-rank request figures, by rank
 * @param exchangeLatency the distribution of the time rank 0 spent in each exchange (P50, P90,
 *     P99, max); null in results written before it was reported
 */
public record DownloadResult(
    int lineCount,
    double ratePerSecond,
    int burst,
    double expectedDraws,
    double boundSeconds,
    long draws,
    double groupCompleteSeconds,
    double masterCompleteSeconds,
    double efficiency,
    double submitSeconds,
    String verdict,
    boolean accepted,
    long fileBytes,
    String fileSha256,
    long exchanges,
    long medianExchangeNanos,
    List<SeriesPoint> series,
    List<RankFigures> ranks,
    Latencies exchangeLatency) {

  /**
   * One point of the lines-against-time series (also sent as progress while the run goes on).
   *
   * @param seconds time since the start
   * @param distinctLines distinct lines the master holds
   */
  public record SeriesPoint(double seconds, int distinctLines) {}

  /**
   * What one rank did.
   *
   * @param rank the rank
   * @param requests SENDLINE requests sent
   * @param linesReceived lines the server handed it (accepted requests)
   * @param declined requests the server declined
   * @param duplicates lines it received again that it already had
   * @param reconnects times it had to open its connection again
   */
  public record RankFigures(
      int rank, long requests, long linesReceived, long declined, long duplicates,
      long reconnects) {}
}
