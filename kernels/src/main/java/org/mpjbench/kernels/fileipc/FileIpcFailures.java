package org.mpjbench.kernels.fileipc;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How each rank's part of a file-ipc run ended, and the one line that fails the run when one did
 * not end well. The causes are ordered so that the first one is named, not its echo on the other
 * ranks: a file that never appeared (the folder is not shared), then a failed write (a full disk:
 * the readers then see the file stop growing), then a missing answer, then a file that stopped
 * growing.
 */
final class FileIpcFailures {
  static final int OK = 0;
  static final int NO_FILE = 1;
  static final int STOPPED = 2;
  static final int WRITE_FAILED = 3;
  static final int NO_ANSWER = 4;

  /**
   * How one rank's part ended.
   *
   * @param rank the rank
   * @param code {@link #OK}, {@link #NO_FILE}, {@link #STOPPED}, {@link #WRITE_FAILED} or {@link
   *     #NO_ANSWER}
   * @param at the record at which it ended early
   */
  record Outcome(int rank, int code, long at) {}

  private FileIpcFailures() {}

  /**
   * The reason the run fails, in one line, or null when every part ended well.
   *
   * @param writerFailure rank 0's own account of a failed write, or null
   */
  static String describe(List<Outcome> outcomes, String writerFailure, Path records,
      FileIpcParameters parameters) {
    long timeoutMs = parameters.timeoutMs();
    for (Outcome o : outcomes) {
      if (o.code() == NO_FILE) {
        return String.format(Locale.ROOT, "file-ipc: rank %d never saw %s within %d ms: the"
            + " folder is probably not shared between the ranks' hosts (give --dir a folder"
            + " every host sees)", o.rank(), records, timeoutMs);
      }
    }
    if (writerFailure != null) {
      return writerFailure;
    }
    for (Outcome o : outcomes) {
      if (o.code() == WRITE_FAILED) {
        return String.format(Locale.ROOT, "file-ipc: rank %d could not write its answer to"
            + " record %d to %s; is the disk full?", o.rank(), o.at(),
            Workspace.answersFor(records));
      }
    }
    for (Outcome o : outcomes) {
      if (o.code() == NO_ANSWER) {
        return String.format(Locale.ROOT, "file-ipc: rank %d waited %d ms for the answer to"
            + " record %d in %s, which stopped growing", o.rank(), timeoutMs, o.at(),
            Workspace.answersFor(records));
      }
    }
    for (Outcome o : outcomes) {
      if (o.code() == STOPPED) {
        return String.format(Locale.ROOT, "file-ipc: rank %d read %d of %d records, then %s"
            + " stopped growing for %d ms", o.rank(), o.at(), parameters.lines(), records,
            timeoutMs);
      }
      if (o.code() != OK) {
        return "file-ipc: rank " + o.rank() + " ended with unknown outcome " + o.code();
      }
    }
    return null;
  }
}
