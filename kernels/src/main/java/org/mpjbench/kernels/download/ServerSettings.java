package org.mpjbench.kernels.download;

import java.util.ArrayList;
import java.util.List;
import org.mpjbench.lineserver.LineServerConfig;
import org.mpjbench.lineserver.protocol.ServerInfo;

/**
 * The line count, rate and burst a download from a server named by {@code --server} runs with:
 * what the server told by {@code INFO} for every option not given on the command line, the
 * options (or their defaults) when it did not tell; and the notes that say which.
 *
 * @param lineCount lines of the server's file
 * @param ratePerSecond requests per second per connection the ranks pace at
 * @param burst requests a connection may make at once
 * @param notes lines for a person before the run (where the figures came from)
 */
record ServerSettings(int lineCount, double ratePerSecond, int burst, List<String> notes) {
  /** Copies the notes. */
  ServerSettings {
    notes = List.copyOf(notes);
  }

  /**
   * Settles the settings.
   *
   * @param server {@code HOST:PORT}, for messages
   * @param answer what the server said to {@code INFO}
   * @param givenLines {@code --lines}, or null when not given
   * @param defaultLines the line count without {@code --lines} and without {@code INFO}
   * @param ratePerSecond {@code --rate-per-second} (its default when not given)
   * @param rateGiven whether {@code --rate-per-second} was given
   * @param burst {@code --burst} (its default when not given)
   * @param burstGiven whether {@code --burst} was given
   * @throws IllegalArgumentException when {@code --lines} disagrees with the server, or the
   *     server serves more lines than a download takes; one line naming both
   */
  static ServerSettings resolve(String server, ServerInfoQuery.Answer answer, Integer givenLines,
      int defaultLines, double ratePerSecond, boolean rateGiven, int burst, boolean burstGiven) {
    if (answer instanceof ServerInfoQuery.Answer.Told told) {
      return told(server, told.info(), givenLines, ratePerSecond, rateGiven, burst, burstGiven);
    }
    String why = ((ServerInfoQuery.Answer.NotTold) answer).why();
    int lines = givenLines == null ? defaultLines : givenLines;
    return new ServerSettings(lines, ratePerSecond, burst, List.of("the line server at " + server
        + " does not tell its file (it " + why + "): using --lines " + lines
        + (givenLines == null ? " (the default)" : "") + ", --rate-per-second "
        + LineServerConfig.plain(ratePerSecond) + " and --burst " + burst));
  }

  private static ServerSettings told(String server, ServerInfo info, Integer givenLines,
      double ratePerSecond, boolean rateGiven, int burst, boolean burstGiven) {
    if (givenLines != null && givenLines != info.lineCount()) {
      throw new IllegalArgumentException("--lines " + givenLines + " disagrees with the line"
          + " server at " + server + ", which serves " + info.lineCount() + " lines; leave"
          + " --lines out or give " + info.lineCount());
    }
    if (info.lineCount() > DownloadParameters.MAX_LINE_COUNT) {
      throw new IllegalArgumentException("the line server at " + server + " serves "
          + info.lineCount() + " lines; a download takes at most "
          + DownloadParameters.MAX_LINE_COUNT);
    }
    List<String> notes = new ArrayList<>();
    notes.add("the line server at " + server + " serves " + info.lineCount() + " lines at "
        + LineServerConfig.plain(info.ratePerSecond()) + " requests/s per connection, burst "
        + info.burst() + (rateGiven || burstGiven ? "" : "; the ranks pace at that"));
    if (rateGiven && ratePerSecond > info.ratePerSecond()) {
      notes.add("--rate-per-second " + LineServerConfig.plain(ratePerSecond) + " is above the"
          + " server's " + LineServerConfig.plain(info.ratePerSecond())
          + ": expect declined requests");
    }
    return new ServerSettings(info.lineCount(),
        rateGiven ? ratePerSecond : info.ratePerSecond(),
        burstGiven ? burst : info.burst(), notes);
  }
}
