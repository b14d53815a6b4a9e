package org.mpjbench.kernels.download;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one rank ships to the master at one exchange, in the fixed layouts of the MPI buffers:
 *
 * <ul>
 *   <li>{@code draws}: {@code long} pairs {@code [lineNumber, receivedNanos]}, one per line the
 *       server handed this rank since the last exchange, duplicates included (the master needs
 *       every draw and its time to count the draws D the group took to hold the file);
 *   <li>{@code newLines}: {@code int} pairs {@code [lineNumber, textLength]}, one per line this
 *       rank had never shipped before;
 *   <li>{@code texts}: those lines' bytes, concatenated in the same order.
 * </ul>
 *
 * @param draws the draw pairs
 * @param newLines the new-line pairs
 * @param texts the new lines' bytes
 */
public record LineBatch(long[] draws, int[] newLines, byte[] texts) {

  /** One line the server handed a rank. */
  public record Draw(int lineNumber, long receivedNanos, byte[] text) {}

  /** A line's number and bytes, as decoded by the master. */
  public record Line(int lineNumber, byte[] text) {}

  /** The number of draws. */
  public int drawCount() {
    return draws.length / 2;
  }

  /** The number of new lines. */
  public int newLineCount() {
    return newLines.length / 2;
  }

  /**
   * Packs draws into a batch, shipping a line's text only when {@code shipped} does not hold it
   * yet (and marking it shipped).
   */
  public static LineBatch pack(List<Draw> batch, java.util.BitSet shipped) {
    long[] draws = new long[2 * batch.size()];
    List<Draw> fresh = new ArrayList<>();
    int textBytes = 0;
    for (int i = 0; i < batch.size(); i++) {
      Draw draw = batch.get(i);
      draws[2 * i] = draw.lineNumber();
      draws[2 * i + 1] = draw.receivedNanos();
      if (!shipped.get(draw.lineNumber())) {
        shipped.set(draw.lineNumber());
        fresh.add(draw);
        textBytes = Math.addExact(textBytes, draw.text().length);
      }
    }
    int[] newLines = new int[2 * fresh.size()];
    byte[] texts = new byte[textBytes];
    int offset = 0;
    for (int i = 0; i < fresh.size(); i++) {
      Draw draw = fresh.get(i);
      newLines[2 * i] = draw.lineNumber();
      newLines[2 * i + 1] = draw.text().length;
      System.arraycopy(draw.text(), 0, texts, offset, draw.text().length);
      offset += draw.text().length;
    }
    return new LineBatch(draws, newLines, texts);
  }

  /**
   * Decodes the new lines of a batch (or of a gathered region holding several batches' pairs and
   * texts back to back), checking every length against the bytes present.
   */
  public static List<Line> lines(int[] newLines, byte[] texts) {
    List<Line> lines = new ArrayList<>(newLines.length / 2);
    int offset = 0;
    for (int i = 0; i + 1 < newLines.length; i += 2) {
      int length = newLines[i + 1];
      if (length < 0 || offset + length > texts.length) {
        throw new IllegalStateException("batch text of line " + newLines[i] + " overruns: length "
            + length + " at offset " + offset + " of " + texts.length);
      }
      lines.add(new Line(newLines[i], Arrays.copyOfRange(texts, offset, offset + length)));
      offset += length;
    }
    if (offset != texts.length) {
      throw new IllegalStateException((texts.length - offset) + " batch text bytes left over");
    }
    return lines;
  }
}
