package org.mpjbench.lineserver.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of {@link RequestParser}: each request kind, garbage, {@code \r\n}, counts and names. */
class RequestParserTest {
  private static final int LINES = 1000;

  private final RequestParser parser = new RequestParser(LINES);

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Feeds the lines; every line but the last must leave the request open. */
  private Request feed(String... lines) {
    for (int i = 0; i < lines.length - 1; i++) {
      assertNull(parser.accept(bytes(lines[i])), "line " + i + " completes nothing");
      assertTrue(parser.midRequest());
    }
    Request request = parser.accept(bytes(lines[lines.length - 1]));
    assertFalse(parser.midRequest(), "the request is complete");
    return request;
  }

  @ParameterizedTest
  @ValueSource(strings = {"SENDLINE", "SENDLINE\r"})
  void sendLineWithOrWithoutCarriageReturn(String line) {
    assertEquals(new Request.SendLine(), feed(line));
  }

  @Test
  void submitHeaderSpansThreeLines() {
    assertEquals(new Request.Submit("rank3", "team-a", 1000),
        feed("SUBMIT", "rank3@team-a", "1000"));
    assertEquals(new Request.Submit("r", "t", 0), feed("SUBMIT\r", "r@t\r", "0\r"));
  }

  @Test
  void requestsFollowEachOtherOnOneParser() {
    assertEquals(new Request.SendLine(), feed("SENDLINE"));
    assertEquals(new Request.Submit("a", "b", 5), feed("SUBMIT", "a@b", "5"));
    assertInstanceOf(Request.Invalid.class, feed("HELLO"));
    assertEquals(new Request.SendLine(), feed("SENDLINE"));
  }

  @Test
  void unknownRequestIsInvalidAndQuoted() {
    Request.Invalid invalid = assertInstanceOf(Request.Invalid.class, feed("HELLO"));
    assertTrue(invalid.reason().startsWith("unknown request 'HELLO'"), invalid.reason());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sendline", "SENDLINE ", " SENDLINE", "SENDLINE\r\r", "SENDLINES",
      "SUBMIT now", "GET / HTTP/1.1", "\0", "SEND\0LINE"})
  void nearMissesAreInvalid(String line) {
    Request.Invalid invalid = assertInstanceOf(Request.Invalid.class, feed(line));
    assertTrue(invalid.reason().chars().allMatch(c -> c >= 0x20 && c <= 0x7e), invalid.reason());
  }

  @Test
  void emptyLineIsInvalid() {
    Request.Invalid invalid = assertInstanceOf(Request.Invalid.class, feed(""));
    assertTrue(invalid.reason().startsWith("empty request line"), invalid.reason());
    assertInstanceOf(Request.Invalid.class, feed("\r"));
  }

  @Test
  void garbageIsQuotedAsPrintableAsciiAndAbbreviated() {
    byte[] garbage = new byte[5000];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 7 + 1 == '\n' ? 0 : i * 7 + 1);
    }
    Request.Invalid invalid = assertInstanceOf(Request.Invalid.class, parser.accept(garbage));
    assertTrue(invalid.reason().length() < 200, invalid.reason());
    assertTrue(invalid.reason().contains("..."), invalid.reason());
    assertTrue(invalid.reason().chars().allMatch(c -> c >= 0x20 && c <= 0x7e), invalid.reason());
  }

  @Test
  void countAboveTheFilesLinesIsRefusedUnframed() {
    Request.RejectedSubmit rejected =
        assertInstanceOf(Request.RejectedSubmit.class, feed("SUBMIT", "a@b", "2000000000"));
    assertEquals("count 2000000000 exceeds the file's 1000 lines", rejected.reason());
    assertTrue(rejected.closesConnection());
    assertEquals(Request.RejectedSubmit.UNFRAMED, rejected.pairsToSkip());
  }

  @Test
  void countOfExactlyTheFilesLinesIsAccepted() {
    assertEquals(new Request.Submit("a", "b", LINES), feed("SUBMIT", "a@b", "" + LINES));
    assertInstanceOf(Request.RejectedSubmit.class, feed("SUBMIT", "a@b", "" + (LINES + 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999999999", "9223372036854775808",
      "2147483648", "4294968296"})
  void hugeCountsAreRefusedNotWrappedAround(String count) {
    Request.RejectedSubmit rejected =
        assertInstanceOf(Request.RejectedSubmit.class, feed("SUBMIT", "a@b", count));
    assertTrue(rejected.reason().contains("exceeds the file's 1000 lines"), rejected.reason());
    assertTrue(rejected.closesConnection());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "ten", "1e3", " 5", "5 ", "0x10"})
  void nonNumericCountIsRefusedUnframed(String count) {
    Request.RejectedSubmit rejected =
        assertInstanceOf(Request.RejectedSubmit.class, feed("SUBMIT", "a@b", count));
    assertTrue(rejected.reason().startsWith("count '"), rejected.reason());
    assertTrue(rejected.reason().endsWith("' is not a number of lines"), rejected.reason());
    assertTrue(rejected.closesConnection());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "@", "a@", "@b", "ab", "a@b@c", "a b@c", "a@b c", "é@b", "a@b\0",
      "a\r@b"})
  void malformedIdTeamWithAGoodCountSkipsThePairs(String idTeam) {
    Request.RejectedSubmit rejected =
        assertInstanceOf(Request.RejectedSubmit.class, feed("SUBMIT", idTeam, "12"));
    assertTrue(rejected.reason().startsWith("malformed id@team"), rejected.reason());
    assertEquals(12, rejected.pairsToSkip());
    assertFalse(rejected.closesConnection(), "the pairs can be framed: skip them, stay open");
  }

  @Test
  void tooLongNamesAreMalformed() {
    String name = "x".repeat(LineProtocol.MAX_NAME_CHARS);
    assertEquals(new Request.Submit(name, name, 1), feed("SUBMIT", name + "@" + name, "1"));
    assertInstanceOf(Request.RejectedSubmit.class,
        feed("SUBMIT", name + "x@" + name, "1"));
  }

  @Test
  void malformedIdTeamAndBadCountReportsTheNameButCloses() {
    Request.RejectedSubmit rejected =
        assertInstanceOf(Request.RejectedSubmit.class, feed("SUBMIT", "nobody", "lots"));
    assertTrue(rejected.reason().startsWith("malformed id@team 'nobody'"), rejected.reason());
    assertTrue(rejected.closesConnection());
  }

  @Test
  void linesAfterSubmitAreTakenAsTheHeaderWhateverTheySay() {
    // A client that sends SUBMIT then SENDLINE gets its SENDLINE read as id@team.
    Request request = feed("SUBMIT", "SENDLINE", "3");
    assertInstanceOf(Request.RejectedSubmit.class, request);
  }

  @Test
  void fileOfOneLineSaysLineInTheSingular() {
    RequestParser oneLine = new RequestParser(1);
    oneLine.accept(bytes("SUBMIT"));
    oneLine.accept(bytes("a@b"));
    Request.RejectedSubmit rejected =
        assertInstanceOf(Request.RejectedSubmit.class, oneLine.accept(bytes("2")));
    assertEquals("count 2 exceeds the file's 1 line", rejected.reason());
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RequestParser(-1));
    assertThrows(IllegalArgumentException.class, () -> parser.accept(null));
    assertThrows(IllegalArgumentException.class, () -> new Request.Submit("a b", "t", 1));
    assertThrows(IllegalArgumentException.class, () -> new Request.Submit("a", "t", -1));
    assertThrows(IllegalArgumentException.class, () -> new Request.RejectedSubmit("x", -2));
    assertThrows(IllegalArgumentException.class, () -> new Request.Invalid(""));
  }
}
