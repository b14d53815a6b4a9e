package org.mpjbench.kernels.download;

import java.util.regex.Pattern;

/**
 * What a download run is told. The line count and the server's rate are parameters because the
 * protocol does not carry them: the master needs the count to know when it holds the whole file,
 * and the ranks pace their requests at the rate (see {@link PacingSchedule}).
 *
 * @param serverHost the line server's host name or address, as the ranks reach it
 * @param serverPort its port
 * @param lineCount the number of lines the server's file has
 * @param ratePerSecond the server's request rate per connection (pacing, and the bound)
 * @param burst the server's burst per connection (how far pacing may catch up)
 * @param exchangeIntervalMs how often the ranks share their new lines with the master
 * @param connectTimeoutMs how long a rank keeps trying to (re)connect before it fails
 * @param readTimeoutMs how long a rank waits for one reply before it reconnects
 * @param submitterId the {@code id} of {@code SUBMIT <id>@<team>}
 * @param team the {@code team} of {@code SUBMIT <id>@<team>}
 */
public record DownloadParameters(
    String serverHost,
    int serverPort,
    int lineCount,
    double ratePerSecond,
    int burst,
    long exchangeIntervalMs,
    long connectTimeoutMs,
    long readTimeoutMs,
    String submitterId,
    String team) {

  /** Largest file we accept: the master keeps every line in memory. */
  public static final int MAX_LINE_COUNT = 10_000_000;

  /** A day: a longer time-out is a typo (and must fit the int of a socket time-out). */
  public static final long MAX_TIMEOUT_MS = 24L * 3600 * 1000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

  /** Checks every value; the message names the option at fault. */
  public DownloadParameters {
    if (serverHost == null || serverHost.isBlank()) {
      throw new IllegalArgumentException("--server needs a host");
    }
    if (serverPort < 1 || serverPort > 65_535) {
      throw new IllegalArgumentException("--server port must be 1 to 65535, got " + serverPort);
    }
    if (lineCount < 1 || lineCount > MAX_LINE_COUNT) {
      throw new IllegalArgumentException(
          "--lines must be 1 to " + MAX_LINE_COUNT + ", got " + lineCount);
    }
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException(
          "--rate-per-second must be a number above 0, got " + ratePerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("--burst must be at least 1, got " + burst);
    }
    if (exchangeIntervalMs < 1 || exchangeIntervalMs > 60_000) {
      throw new IllegalArgumentException(
          "--exchange-interval-ms must be 1 to 60000, got " + exchangeIntervalMs);
    }
    if (connectTimeoutMs < 100 || connectTimeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException("--connect-timeout-ms must be 100 to " + MAX_TIMEOUT_MS
          + " (a day), got " + connectTimeoutMs);
    }
    if (readTimeoutMs < 100 || readTimeoutMs > MAX_TIMEOUT_MS) {
      throw new IllegalArgumentException("--read-timeout-ms must be 100 to " + MAX_TIMEOUT_MS
          + " (a day), got " + readTimeoutMs);
    }
    if (submitterId == null || !NAME.matcher(submitterId).matches()) {
      throw new IllegalArgumentException(
          "--submitter-id must be 1 to 64 letters, digits, '.', '_', '+' or '-', got " + submitterId);
    }
    if (team == null || !NAME.matcher(team).matches()) {
      throw new IllegalArgumentException(
          "--team must be 1 to 64 letters, digits, '.', '_', '+' or '-', got " + team);
    }
  }

  /** Nanoseconds between two requests at the server's rate. */
  public long requestPeriodNanos() {
    return Math.max(1, Math.round(1e9 / ratePerSecond));
  }
}
