package org.mpjbench.kernels.control;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}-terminated UTF-8 lines from a stream, refusing any line longer than a bound so
 * that a peer can never make us buffer unbounded data. Not thread-safe.
 */
public final class BoundedLineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private long bytesRead;

  /** Thrown when a line goes over the bound; the stream is then positioned inside that line. */
  public static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int maxLineBytes) {
      super("line longer than " + maxLineBytes + " bytes");
    }
  }

  /** Reads from {@code in} (buffer it yourself) lines of at most {@code maxLineBytes} bytes. */
  public BoundedLineReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes <= 0) {
      throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Bytes read from the stream so far, terminators included: what a peer sent before it stalled. */
  public long bytesRead() {
    return bytesRead;
  }

  /**
   * The next line without its terminator, or {@code null} at a clean end of stream. A stream that
   * ends inside a line gives {@link EOFException}: a half-sent line is not a line.
   */
  public String readLine() throws IOException {
    line.reset();
    while (true) {
      int b = in.read();
      if (b >= 0) {
        bytesRead++;
      }
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new EOFException("stream ended inside a line after " + line.size() + " bytes");
      }
      if (b == '\n') {
        return line.toString(StandardCharsets.UTF_8);
      }
      if (line.size() >= maxLineBytes) {
        throw new LineTooLongException(maxLineBytes);
      }
      line.write(b);
    }
  }
}
