package org.mpjbench.kernels.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link BoundedLineReader}: lines split on {@code \n}, a clean end of stream, a stream
 * ending inside a line, the byte bound on line length, and UTF-8 decoding.
 */
class BoundedLineReaderTest {

  private static BoundedLineReader reader(String text, int maxLineBytes) {
    return reader(text.getBytes(StandardCharsets.UTF_8), maxLineBytes);
  }

  private static BoundedLineReader reader(byte[] bytes, int maxLineBytes) {
    return new BoundedLineReader(new ByteArrayInputStream(bytes), maxLineBytes);
  }

  /** The reader gives exactly {@code lines}, in order, then null: the clean end. */
  private static void assertLines(BoundedLineReader reader, String... lines) throws IOException {
    for (String line : lines) {
      assertEquals(line, reader.readLine());
    }
    assertNull(reader.readLine());
  }

  @Test
  void readsLinesWithoutTheirTerminatorThenNullAtCleanEnd() throws IOException {
    BoundedLineReader reader = reader("first\nsecond line\n{\"type\":\"done\"}\n", 100);

    assertLines(reader, "first", "second line", "{\"type\":\"done\"}");
    assertNull(reader.readLine(), "end of stream stays the end");
  }

  @Test
  void countsTheBytesItReadEvenOfALineCutShort() throws IOException {
    BoundedLineReader reader = reader("ab\ncd", 10);
    assertEquals(0, reader.bytesRead());
    reader.readLine();
    assertEquals(3, reader.bytesRead(), "the terminator counts");
    assertThrows(EOFException.class, reader::readLine);
    assertEquals(5, reader.bytesRead(), "what came before the cut");
  }

  @Test
  void emptyStreamGivesNullAtOnce() throws IOException {
    assertNull(reader("", 10).readLine());
  }

  @Test
  void emptyLinesAreLines() throws IOException {
    assertLines(reader("\n\nx\n\n", 10), "", "", "x", "");
  }

  @Test
  void carriageReturnIsKeptAsPartOfTheLine() throws IOException {
    BoundedLineReader reader = reader("a\r\n", 10);

    assertEquals("a\r", reader.readLine());
  }

  @Test
  void streamEndingInsideALineGivesEofException() throws IOException {
    BoundedLineReader reader = reader("complete\nhalf a li", 100);

    assertEquals("complete", reader.readLine());
    EOFException e = assertThrows(EOFException.class, reader::readLine);
    assertTrue(e.getMessage().contains("9 bytes"), e.getMessage());
  }

  @Test
  void lineOfExactlyTheBoundIsAccepted() throws IOException {
    String maxLine = "x".repeat(16);
    assertLines(reader(maxLine + "\n" + "y\n", 16), maxLine, "y");
  }

  @Test
  void lineOneByteOverTheBoundIsRejected() {
    BoundedLineReader reader = reader("x".repeat(17) + "\n", 16);

    BoundedLineReader.LineTooLongException e =
        assertThrows(BoundedLineReader.LineTooLongException.class, reader::readLine);
    assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
  }

  @Test
  void overlongLineIsRejectedWithoutReadingItToTheEnd() {
    // An endless stream of 'x': the reader must stop once the bound is passed.
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };
    BoundedLineReader reader = new BoundedLineReader(endless, 1024);

    assertThrows(BoundedLineReader.LineTooLongException.class, reader::readLine);
  }

  @Test
  void lineTooLongIsAnIoException() {
    BoundedLineReader reader = reader("abc\n", 2);

    IOException e = assertThrows(IOException.class, reader::readLine);
    assertTrue(e instanceof BoundedLineReader.LineTooLongException, e.toString());
  }

  @Test
  void boundCountsBytesNotCharacters() throws IOException {
    String threeCharsSixBytes = "ééé"; // each é is two bytes in UTF-8
    assertEquals(6, threeCharsSixBytes.getBytes(StandardCharsets.UTF_8).length);

    assertEquals(threeCharsSixBytes, reader(threeCharsSixBytes + "\n", 6).readLine());
    assertThrows(
        BoundedLineReader.LineTooLongException.class,
        () -> reader(threeCharsSixBytes + "\n", 5).readLine());
  }

  @ParameterizedTest
  @ValueSource(strings = {"héllo wörld", "日本語のテキスト", "emoji 🎉 and 𝄞", "mixed ascii, ü, 中, 🚀"})
  void utf8MultibyteTextRoundTrips(String text) throws IOException {
    assertLines(reader(text + "\n" + text + "\n", 1024), text, text);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void nonPositiveBoundIsRejected(int maxLineBytes) {
    assertThrows(IllegalArgumentException.class, () -> reader("x\n", maxLineBytes));
  }
}
