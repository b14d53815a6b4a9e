package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of {@link LineFile}: bytes split at {@code \n} and nothing else, the missing final line
 * break, empty files, and the generated files.
 */
class LineFileTest {
  @TempDir Path tmp;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesAreTheBytesBetweenLineBreaks() {
    LineFile file = LineFile.of(bytes("first\n\nthird\r\nfourth\n"));

    assertEquals(4, file.lineCount());
    assertArrayEquals(bytes("first"), file.line(0));
    assertArrayEquals(new byte[0], file.line(1));
    assertArrayEquals(bytes("third\r"), file.line(2), "a \\r stays part of the line");
    assertArrayEquals(bytes("fourth"), file.line(3));
    assertEquals(6, file.lineLength(2));
    assertEquals(6, file.longestLineBytes());
    assertFalse(file.finalLineBreakMissing());
    assertArrayEquals(bytes("first\n\nthird\r\nfourth\n"), file.toBytes());
  }

  @Test
  void anyByteButTheLineBreakPassesThrough() throws IOException {
    byte[] content = {0, 'a', (byte) 0xFF, (byte) 0xC3, '\n', '\r', '\n', (byte) 0x80, '\n'};
    Path path = tmp.resolve("binary");
    Files.write(path, content);

    LineFile file = LineFile.read(path);

    assertEquals(3, file.lineCount());
    assertArrayEquals(new byte[] {0, 'a', (byte) 0xFF, (byte) 0xC3}, file.line(0));
    assertArrayEquals(new byte[] {'\r'}, file.line(1));
    assertArrayEquals(new byte[] {(byte) 0x80}, file.line(2));
    assertArrayEquals(content, file.toBytes(), "served exactly as on disk");
  }

  @Test
  void lastLineWithoutLineBreakIsALineAndTheCopyGainsOneFinalBreak() throws IOException {
    Path path = tmp.resolve("no-final-break.txt");
    Files.write(path, bytes("one\ntwo"));

    LineFile file = LineFile.read(path);

    assertEquals(2, file.lineCount());
    assertArrayEquals(bytes("two"), file.line(1));
    assertTrue(file.finalLineBreakMissing());
    assertArrayEquals(bytes("one\ntwo\n"), file.toBytes(), "exactly one byte more: the '\\n'");
    assertEquals(Files.size(path) + 1, file.sizeBytes());
  }

  @Test
  void aFileOfOneLineBreakHasOneEmptyLine() {
    LineFile file = LineFile.of(bytes("\n"));
    assertEquals(1, file.lineCount());
    assertEquals(0, file.lineLength(0));
    assertEquals(0, file.longestLineBytes());
  }

  /**
   * Checks that an empty file written in {@code folder} is refused when read, with a message
   * naming the file and saying it is empty (LineServerTest checks it too, before a server).
   */
  static void assertEmptyFileRefused(Path folder) throws IOException {
    Path path = folder.resolve("empty.txt");
    Files.write(path, new byte[0]);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LineFile.read(path));
    assertTrue(e.getMessage().contains("empty.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void emptyFileIsRefusedWithAClearError() throws IOException {
    assertEmptyFileRefused(tmp);
    assertThrows(IllegalArgumentException.class, () -> LineFile.of(new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> LineFile.ofLines(List.of()));
  }

  @Test
  void missingFileIsNoSuchFile() {
    assertThrows(NoSuchFileException.class, () -> LineFile.read(tmp.resolve("nope")));
  }

  @Test
  void lineEqualsComparesBytesExactly() {
    LineFile file = LineFile.of(bytes("abc\nab\r\n"));

    assertTrue(file.lineEquals(0, bytes("abc")));
    assertFalse(file.lineEquals(0, bytes("ab")));
    assertFalse(file.lineEquals(0, bytes("abcd")));
    assertFalse(file.lineEquals(1, bytes("ab")), "the \\r counts");
    assertTrue(file.lineEquals(1, bytes("ab\r")));
  }

  @Test
  void writeLineWritesTheLineWithoutItsBreak() throws IOException {
    LineFile file = LineFile.of(bytes("x\nhello\n"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    file.writeLine(1, out);

    assertArrayEquals(bytes("hello"), out.toByteArray());
  }

  @Test
  void accessorsReturnCopies() {
    LineFile file = LineFile.of(bytes("abc\n"));
    file.line(0)[0] = 'X';
    file.lines().get(0)[0] = 'Y';
    file.toBytes()[0] = 'Z';
    assertArrayEquals(bytes("abc"), file.line(0));
    assertThrows(UnsupportedOperationException.class, () -> file.lines().set(0, bytes("q")));
  }

  @Test
  void outOfRangeLineNumbersAreRefused() {
    LineFile file = LineFile.of(bytes("a\nb\n"));
    assertThrows(IndexOutOfBoundsException.class, () -> file.line(2));
    assertThrows(IndexOutOfBoundsException.class, () -> file.line(-1));
    assertThrows(IndexOutOfBoundsException.class, () -> file.lineEquals(5, bytes("a")));
  }

  @Test
  void ofLinesAddsLineBreaksAndRefusesLinesWithOne() {
    LineFile file = LineFile.ofLines(List.of(bytes("a"), bytes(""), bytes("c")));
    assertArrayEquals(bytes("a\n\nc\n"), file.toBytes());
    assertEquals(LineFile.of(bytes("a\n\nc\n")), file);
    assertThrows(IllegalArgumentException.class,
        () -> LineFile.ofLines(List.of(bytes("a\nb"))));
  }

  @Test
  void equalityIsByContent() {
    assertEquals(LineFile.of(bytes("a\nb\n")), LineFile.of(bytes("a\nb\n")));
    assertEquals(LineFile.of(bytes("a\nb\n")).hashCode(), LineFile.of(bytes("a\nb\n")).hashCode());
    assertNotEquals(LineFile.of(bytes("a\nb\n")), LineFile.of(bytes("a\nb")),
        "same lines, but one lacks the final break");
  }

  @Test
  void generatedFilesAreDeterministicPerSeed() {
    assertEquals(LineFile.generate(500, 1), LineFile.generate(500, 1));
    assertNotEquals(LineFile.generate(500, 1), LineFile.generate(500, 2));
    assertEquals(1000, LineFile.generate(1000, 1).lineCount());
  }

  @Test
  void generatedFilesLookLikeText() throws CharacterCodingException {
    LineFile file = LineFile.generate(2000, 1);
    byte[] content = file.toBytes();

    assertFalse(file.finalLineBreakMissing());
    assertEquals('\n', content[content.length - 1]);
    // Valid UTF-8 throughout: words are never cut.
    String text = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(content)).toString();
    assertTrue(text.contains("é") || text.contains("ß"), "some Latin-1 letters");
    assertTrue(text.contains("→"), "some arrows");
    assertTrue(text.contains("中文") || text.contains("数据"), "some CJK");
    assertTrue(text.codePoints().anyMatch(c -> c >= 0x1F300), "some emoji");

    int empty = 0;
    int multiByte = 0;
    Set<Integer> lengths = new HashSet<>();
    for (int n = 0; n < file.lineCount(); n++) {
      int length = file.lineLength(n);
      assertTrue(length <= 121, "line " + n + " has " + length + " bytes");
      lengths.add(length);
      empty += length == 0 ? 1 : 0;
      byte[] line = file.line(n);
      for (byte b : line) {
        if (b < 0) {
          multiByte++;
          break;
        }
      }
    }
    assertTrue(empty >= 20 && empty <= 120, "a few empty lines: " + empty);
    assertTrue(multiByte >= 200, "many lines with multi-byte characters: " + multiByte);
    assertTrue(lengths.size() > 80, "varied lengths: " + lengths.size());
    assertTrue(file.longestLineBytes() >= 100, "long lines too: " + file.longestLineBytes());
  }

  @Test
  void generateRefusesBadLineCounts() {
    assertThrows(IllegalArgumentException.class, () -> LineFile.generate(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> LineFile.generate(LineFile.MAX_GENERATED_LINES + 1, 1));
  }
}
