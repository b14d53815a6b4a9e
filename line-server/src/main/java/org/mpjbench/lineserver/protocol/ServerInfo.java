package org.mpjbench.lineserver.protocol;

/**
 * What a line server tells a client in its reply to {@code INFO}: what a download needs to know
 * and the protocol does not carry otherwise ({@link LineProtocol#infoReply}).
 *
 * @param lineCount lines of the served file (at least 1)
 * @param ratePerSecond requests per second each connection is allowed (above 0, finite)
 * @param burst requests a connection may make at once after a pause (at least 1)
 */
public record ServerInfo(int lineCount, double ratePerSecond, int burst) {
  /** Checks the values. */
  public ServerInfo {
    if (lineCount < 1) {
      throw new IllegalArgumentException("lineCount must be at least 1, got " + lineCount);
    }
    if (!(ratePerSecond > 0) || !Double.isFinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "ratePerSecond must be a number above 0, got " + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, got " + burst);
    }
  }
}
