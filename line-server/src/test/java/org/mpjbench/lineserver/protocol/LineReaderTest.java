package org.mpjbench.lineserver.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link LineReader}: lines split on {@code \n} only, bytes kept exactly, a clean end of
 * stream against a half line, the byte bound (per reader and per call), skipping the rest of a
 * refused line, and lines spanning many buffer fills or arriving a byte at a time.
 */
class LineReaderTest {

  private static LineReader reader(String text, int maxLineBytes) {
    return reader(text.getBytes(StandardCharsets.UTF_8), maxLineBytes);
  }

  private static LineReader reader(byte[] bytes, int maxLineBytes) {
    return new LineReader(new ByteArrayInputStream(bytes), maxLineBytes);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The reader gives exactly {@code lines}, byte for byte and in order, then null: the end. */
  private static void assertLines(LineReader reader, String... lines) throws IOException {
    for (String line : lines) {
      assertArrayEquals(bytes(line), reader.readLine());
    }
    assertNull(reader.readLine());
  }

  @Test
  void readsLinesWithoutTheirTerminatorThenNullAtCleanEnd() throws IOException {
    LineReader reader = reader("first\nsecond line\n\nlast\n", 100);

    assertLines(reader, "first", "second line", "", "last");
    assertNull(reader.readLine(), "the end stays the end");
  }

  @Test
  void emptyStreamGivesNullAtOnce() throws IOException {
    assertNull(reader("", 10).readLine());
  }

  @Test
  void everyByteButTheLineBreakIsKept() throws IOException {
    byte[] line = new byte[255];
    for (int i = 0, b = 0; i < line.length; b++) {
      if (b != '\n') {
        line[i++] = (byte) b;
      }
    }
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(line);
    stream.write('\n');
    stream.writeBytes(bytes("a\r"));
    stream.write('\n');

    LineReader reader = reader(stream.toByteArray(), 1000);

    assertArrayEquals(line, reader.readLine(), "NUL, \\r, high bytes all kept");
    assertArrayEquals(bytes("a\r"), reader.readLine(), "a \\r before the \\n stays");
    assertNull(reader.readLine());
  }

  @Test
  void invalidUtf8PassesThroughUnchanged() throws IOException {
    byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, 0, (byte) 0x80};
    byte[] stream = new byte[invalid.length + 1];
    System.arraycopy(invalid, 0, stream, 0, invalid.length);
    stream[invalid.length] = '\n';

    assertArrayEquals(invalid, reader(stream, 100).readLine());
  }

  @Test
  void streamEndingInsideALineGivesEofException() throws IOException {
    LineReader reader = reader("complete\nhalf a li", 100);

    assertArrayEquals(bytes("complete"), reader.readLine());
    EOFException e = assertThrows(EOFException.class, reader::readLine);
    assertTrue(e.getMessage().contains("9 bytes"), e.getMessage());
  }

  @Test
  void lineOfExactlyTheBoundIsAcceptedAndOneMoreByteIsNot() throws IOException {
    LineReader reader = reader("x".repeat(16) + "\n" + "y".repeat(17) + "\nz\n", 16);

    assertArrayEquals(bytes("x".repeat(16)), reader.readLine());
    LineReader.LineTooLongException e =
        assertThrows(LineReader.LineTooLongException.class, reader::readLine);
    assertEquals(16, e.maxLineBytes());
    assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
  }

  @Test
  void skipLineDiscardsTheRestOfARefusedLineAndReadingGoesOn() throws IOException {
    LineReader reader = reader("y".repeat(20_000) + "\nnext\n", 16);

    assertThrows(LineReader.LineTooLongException.class, reader::readLine);
    // The refused read consumed one buffer fill; the rest of the line is skipped.
    assertTrue(reader.skipLine() > 10_000);
    assertLines(reader, "next");
  }

  @Test
  void refusedLineWhoseBreakIsInTheBufferLeavesTheBreakForSkipLine() throws IOException {
    // The whole line and its '\n' arrive in one fill; the refusal must not eat the next line.
    LineReader reader = reader("abcdef\nok\n", 3);

    assertThrows(LineReader.LineTooLongException.class, reader::readLine);
    assertEquals(0, reader.skipLine());
    assertArrayEquals(bytes("ok"), reader.readLine());
  }

  @Test
  void skipLineWithABoundStopsReadingPastIt() throws IOException {
    LineReader reader = reader("x".repeat(100) + "\nnext\n" + "y".repeat(30_000) + "\nz\n", 10);

    assertEquals(100, reader.skipLine(100), "exactly the bound is still skipped");
    assertArrayEquals(bytes("next"), reader.readLine());
    LineReader.LineTooLongException e =
        assertThrows(LineReader.LineTooLongException.class, () -> reader.skipLine(20_000));
    assertEquals(20_000, e.maxLineBytes());
    assertTrue(reader.bytesConsumed() < 100 + 6 + 20_000 + 8192,
        "stopped within a buffer of the bound: " + reader.bytesConsumed());
    assertThrows(IllegalArgumentException.class, () -> reader.skipLine(-1));
  }

  @Test
  void bytesConsumedCountsTheLinesTakenNotWhatIsBuffered() throws IOException {
    LineReader reader = reader("one\r\n\n" + "x".repeat(20_000) + "\nlast", 100);

    assertEquals(0, reader.bytesConsumed());
    reader.readLine();
    assertEquals(5, reader.bytesConsumed(), "\"one\\r\\n\": the line break counts");
    reader.readLine();
    assertEquals(6, reader.bytesConsumed());
    assertThrows(LineReader.LineTooLongException.class, reader::readLine);
    reader.skipLine();
    assertEquals(6 + 20_001, reader.bytesConsumed());
    assertThrows(EOFException.class, reader::readLine);
  }

  @Test
  void skipLineAtTheEndOfTheStreamGivesEofException() throws IOException {
    LineReader reader = reader("x".repeat(50), 10);

    assertThrows(LineReader.LineTooLongException.class, reader::readLine);
    assertThrows(EOFException.class, reader::skipLine);
  }

  @Test
  void perCallBoundOverridesTheReadersBound() throws IOException {
    LineReader reader = reader("0123456789\n0123456789\n", 4);

    assertArrayEquals(bytes("0123456789"), reader.readLine(10));
    assertThrows(LineReader.LineTooLongException.class, () -> reader.readLine(9));
  }

  @Test
  void overlongLineIsRefusedWithoutReadingItToTheEnd() {
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        Arrays.fill(b, off, off + len, (byte) 'x');
        return len;
      }
    };
    LineReader reader = new LineReader(endless, 65_536);

    assertThrows(LineReader.LineTooLongException.class, reader::readLine);
  }

  @Test
  void linesLongerThanTheBufferAndLinesArrivingByteByByteAreWhole() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<byte[]> lines = new ArrayList<>();
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    for (int i = 0; i < 200; i++) {
      byte[] line = new byte[random.nextInt(i % 10 == 0 ? 40_000 : 300)];
      for (int j = 0; j < line.length; j++) {
        byte b;
        do {
          b = (byte) random.nextInt(256);
        } while (b == '\n');
        line[j] = b;
      }
      lines.add(line);
      stream.writeBytes(line);
      stream.write('\n');
    }
    byte[] all = stream.toByteArray();
    // One byte per read(), as a slow network may deliver it.
    InputStream trickle = new InputStream() {
      private int position;

      @Override
      public int read() {
        return position < all.length ? all[position++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= all.length) {
          return -1;
        }
        b[off] = all[position++];
        return 1;
      }
    };

    for (InputStream in : List.of(new ByteArrayInputStream(all), trickle)) {
      LineReader reader = new LineReader(in, 40_000);
      for (byte[] line : lines) {
        assertArrayEquals(line, reader.readLine());
      }
      assertNull(reader.readLine());
    }
  }

  @Test
  void hasBufferedLineTellsWhetherTheNextReadCanBlock() throws IOException {
    LineReader reader = reader("one\ntwo\nthr", 10);

    assertFalse(reader.hasBufferedLine(), "nothing read from the stream yet");
    reader.readLine();
    assertTrue(reader.hasBufferedLine(), "\"two\\n\" is in the buffer");
    reader.readLine();
    assertFalse(reader.hasBufferedLine(), "only half a line is left");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void nonPositiveBoundIsRejected(int maxLineBytes) {
    assertThrows(IllegalArgumentException.class, () -> reader("x\n", maxLineBytes));
    assertThrows(IllegalArgumentException.class, () -> reader("x\n", 5).readLine(maxLineBytes));
  }
}
