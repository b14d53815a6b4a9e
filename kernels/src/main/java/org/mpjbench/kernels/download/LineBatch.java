package org.mpjbench.kernels.download;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
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
 * <p>A batch travels as one message of bytes ({@link #encode}, {@link #decode}): a header of three
 * {@code int}s {@code [draws, newLines, textBytes]}, then each draw as {@code int} line number and
 * {@code long} time, each new line as {@code int} number and {@code int} length, then the texts.
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

  /** Bytes of the encoded header: draws, new lines, text bytes. */
  static final int HEADER_BYTES = 3 * Integer.BYTES;
  private static final int DRAW_BYTES = Integer.BYTES + Long.BYTES;
  private static final int PAIR_BYTES = 2 * Integer.BYTES;

  /** This batch as one message of bytes (see the class comment for the layout). */
  public byte[] encode() {
    int drawCount = drawCount();
    int pairCount = newLineCount();
    long size = HEADER_BYTES + (long) DRAW_BYTES * drawCount + (long) PAIR_BYTES * pairCount
        + texts.length;
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("a batch of " + size + " bytes is too large for a message");
    }
    ByteBuffer out = ByteBuffer.allocate((int) size);
    out.putInt(drawCount).putInt(pairCount).putInt(texts.length);
    for (int i = 0; i < drawCount; i++) {
      out.putInt(Math.toIntExact(draws[2 * i])).putLong(draws[2 * i + 1]);
    }
    for (int i = 0; i < pairCount; i++) {
      out.putInt(newLines[2 * i]).putInt(newLines[2 * i + 1]);
    }
    out.put(texts);
    return out.array();
  }

  /**
   * The batch encoded in the first {@code length} bytes of {@code message}; throws when the bytes
   * do not hold exactly one batch (a count or a length that disagrees with the bytes present).
   */
  public static LineBatch decode(byte[] message, int length) {
    if (length < HEADER_BYTES || length > message.length) {
      throw new IllegalStateException("a batch message of " + length + " bytes has no header");
    }
    ByteBuffer in = ByteBuffer.wrap(message, 0, length);
    int drawCount = in.getInt();
    int pairCount = in.getInt();
    int textBytes = in.getInt();
    long expected = HEADER_BYTES + (long) DRAW_BYTES * drawCount + (long) PAIR_BYTES * pairCount
        + textBytes;
    if (drawCount < 0 || pairCount < 0 || textBytes < 0 || expected != length) {
      throw new IllegalStateException("a batch message of " + length + " bytes announces "
          + drawCount + " draws, " + pairCount + " new lines and " + textBytes + " text bytes");
    }
    try {
      long[] draws = new long[2 * drawCount];
      for (int i = 0; i < drawCount; i++) {
        draws[2 * i] = in.getInt();
        draws[2 * i + 1] = in.getLong();
      }
      int[] newLines = new int[2 * pairCount];
      for (int i = 0; i < 2 * pairCount; i++) {
        newLines[i] = in.getInt();
      }
      byte[] texts = new byte[textBytes];
      in.get(texts);
      return new LineBatch(draws, newLines, texts);
    } catch (BufferUnderflowException e) {
      throw new IllegalStateException("a batch message of " + length + " bytes is cut short", e);
    }
  }
}
