package org.mpjbench.lineserver;

import java.util.BitSet;
import org.mpjbench.lineserver.protocol.LineProtocol;

/**
 * Checks the pairs of one {@code SUBMIT} as they arrive, in memory bounded by the file (one bit per
 * line; texts are compared and dropped at once). The verdict names the first problem in submission
 * order (a line number that is not a number or out of range, a line sent twice, a wrong text);
 * when there is none, the lowest-numbered missing line. Not thread-safe.
 */
final class SubmissionCheck {
  private final LineFile file;
  private final int count;
  private final BitSet seen;
  private int pairs;
  private String firstProblem;

  /** A check of a submission that announced {@code count} pairs (at most the file's lines). */
  SubmissionCheck(LineFile file, int count) {
    if (count < 0 || count > file.lineCount()) {
      throw new IllegalArgumentException(
          "count must be 0 to " + file.lineCount() + ", got " + count);
    }
    this.file = file;
    this.count = count;
    this.seen = new BitSet(file.lineCount());
  }

  /**
   * Takes the next pair: the line-number line as sent, and the text, or {@code null} when the text
   * was longer than any line of the file (the server does not read such a text into memory).
   */
  void accept(byte[] numberLine, byte[] text) {
    if (pairs >= count) {
      throw new IllegalStateException("all " + count + " pairs were given already");
    }
    pairs++;
    if (firstProblem != null) {
      return;
    }
    long n = LineProtocol.parseUnsigned(numberLine);
    int lines = file.lineCount();
    if (n == LineProtocol.NOT_A_NUMBER) {
      firstProblem = "line number '" + LineProtocol.quote(numberLine) + "' is not a number";
    } else if (n >= lines) {
      firstProblem = "line number " + LineProtocol.quote(numberLine) + " is out of range 0.."
          + (lines - 1);
    } else if (seen.get((int) n)) {
      firstProblem = "line " + n + " appears twice";
    } else if (text == null || !file.lineEquals((int) n, text)) {
      firstProblem = "line " + n + " is wrong";
    } else {
      seen.set((int) n);
    }
  }

  /** The reason the submission fails, or {@code null} when every line is there once and right. */
  String failure() {
    if (pairs < count) {
      throw new IllegalStateException("only " + pairs + " of " + count + " pairs were given");
    }
    if (firstProblem != null) {
      return firstProblem;
    }
    int missing = seen.nextClearBit(0);
    return missing < file.lineCount() ? "line " + missing + " is missing" : null;
  }
}
