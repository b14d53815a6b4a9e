package org.mpjbench.lineserver.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines from a stream as bytes, exactly as sent (a {@code \r} before the
 * {@code \n} stays part of the line), refusing any line longer than a bound so that a peer can never
 * make us buffer unbounded data. Buffers the stream itself (do not wrap it in a {@code
 * BufferedInputStream}). Not thread-safe.
 *
 * <p>After any {@link IOException} other than {@link LineTooLongException} (an end of stream inside
 * a line, a time-out, a broken connection) the reader must not be used again.
 */
public final class LineReader {
  private static final int BUFFER_BYTES = 8192;
  private static final byte[] EMPTY = new byte[0];

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  /** Bytes read from the stream in all (the buffer's content included). */
  private long bytesFilled;
  /** The line being assembled when it spans more than one buffer fill. */
  private byte[] line = EMPTY;
  private int lineLength;

  /** Thrown when a line goes over the bound; the stream is then positioned inside that line. */
  public static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int maxLineBytes;

    LineTooLongException(int maxLineBytes) {
      super("line longer than " + maxLineBytes + " bytes");
      this.maxLineBytes = maxLineBytes;
    }

    /** The bound the line went over. */
    public int maxLineBytes() {
      return maxLineBytes;
    }
  }

  /** Reads from {@code in} lines of at most {@code maxLineBytes} bytes (without the {@code \n}). */
  public LineReader(InputStream in, int maxLineBytes) {
    if (in == null) {
      throw new IllegalArgumentException("in must not be null");
    }
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The bound of {@link #readLine()}. */
  public int maxLineBytes() {
    return maxLineBytes;
  }

  /**
   * The next line without its {@code \n}, or {@code null} at a clean end of stream. A stream that
   * ends inside a line gives {@link EOFException}: a half-sent line is not a line. A line longer
   * than {@link #maxLineBytes()} gives {@link LineTooLongException}.
   */
  public byte[] readLine() throws IOException {
    return readLine(maxLineBytes);
  }

  /** {@link #readLine()} with another bound for this one line (e.g. a file line's text). */
  public byte[] readLine(int maxBytes) throws IOException {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    lineLength = 0;
    while (true) {
      if (position == limit && !fill()) {
        if (lineLength == 0) {
          return null;
        }
        throw new EOFException("stream ended inside a line after " + lineLength + " bytes");
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      int chunk = end - position;
      if ((long) lineLength + chunk > maxBytes) {
        // Leave the '\n' (if seen) unread: the stream stays inside the refused line.
        position = end;
        lineLength = 0;
        throw new LineTooLongException(maxBytes);
      }
      if (newline >= 0 && lineLength == 0) {
        // The common case: the whole line is in the buffer; copy it once.
        byte[] result = Arrays.copyOfRange(buffer, position, newline);
        position = newline + 1;
        return result;
      }
      append(position, chunk, maxBytes);
      position = end;
      if (newline >= 0) {
        position++;
        byte[] result = Arrays.copyOf(line, lineLength);
        lineLength = 0;
        return result;
      }
    }
  }

  /**
   * Discards everything up to and including the next {@code \n} (the rest of a line refused with
   * {@link LineTooLongException}) in constant memory; returns how many bytes were discarded before
   * the {@code \n}. A stream that ends first gives {@link EOFException}.
   */
  public long skipLine() throws IOException {
    return skipLine(Long.MAX_VALUE);
  }

  /**
   * {@link #skipLine()}, but reading no more than {@code maxBytes} before the {@code \n}: beyond
   * that it gives {@link LineTooLongException}, the stream again inside the line, so that a peer
   * cannot make us read without end.
   */
  public long skipLine(long maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
    }
    long skipped = 0;
    while (true) {
      if (position == limit && !fill()) {
        throw new EOFException("stream ended inside a line after " + skipped + " skipped bytes");
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      if (skipped + (end - position) > maxBytes) {
        position = end;
        throw new LineTooLongException((int) Math.min(Integer.MAX_VALUE, maxBytes));
      }
      skipped += end - position;
      position = end;
      if (newline >= 0) {
        position++;
        return skipped;
      }
    }
  }

  /**
   * How many bytes of the stream the lines read and skipped so far took, line breaks included
   * (what is buffered but not yet read as a line is not counted).
   */
  public long bytesConsumed() {
    return bytesFilled - (limit - position);
  }

  /**
   * Whether a whole line is already in the buffer, so that the next {@link #readLine()} will not
   * block (lets a server send pipelined replies in one write, yet flush before it waits).
   */
  public boolean hasBufferedLine() {
    return indexOfNewline() >= 0;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      // read() blocks until at least one byte, so 0 only comes from broken streams: treat as end.
      position = 0;
      limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    bytesFilled += n;
    return true;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int length, int maxBytes) {
    if (lineLength + length > line.length) {
      // Grows geometrically, but never past what the caller's bound allows.
      long doubled = Math.max(256L, 2L * line.length);
      int capacity = (int) Math.max(lineLength + length, Math.min(doubled, maxBytes));
      line = Arrays.copyOf(line, capacity);
    }
    System.arraycopy(buffer, from, line, lineLength, length);
    lineLength += length;
  }
}
