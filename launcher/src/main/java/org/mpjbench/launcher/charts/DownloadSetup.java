package org.mpjbench.launcher.charts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What download runs must share to be drawn on one chart: the same file, server and device. A
 * speedup of 8 ranks on niodev over 1 rank on multicore, or of two files of different sizes,
 * would be a number without a meaning, so mixing them is an error rather than a chart.
 *
 * @param device multicore or niodev
 * @param lineCount N, the lines of the server's file
 * @param ratePerSecond R, the server's request rate per connection
 * @param burst the server's burst per connection
 */
public record DownloadSetup(String device, int lineCount, double ratePerSecond, int burst) {

  /** For a chart's subtitle: "1000 lines, 250 requests/s and burst 5 per connection, multicore". */
  public String describe() {
    return String.format(Locale.ROOT, "%d lines, %s requests/s and burst %d per connection, %s",
        lineCount, number(ratePerSecond), burst, device);
  }

  /**
   * The one set-up of {@code runs}.
   *
   * @throws IllegalArgumentException when the runs differ, naming every set-up found
   */
  static DownloadSetup common(List<DownloadRun> runs) {
    Set<DownloadSetup> setups = runs.stream().map(DownloadRun::setup)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    if (setups.size() != 1) {
      throw new IllegalArgumentException("download runs of different set-ups cannot share a chart ("
          + setups.stream().map(DownloadSetup::describe).collect(Collectors.joining("; "))
          + "): plot each set-up's result files separately");
    }
    return setups.iterator().next();
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
