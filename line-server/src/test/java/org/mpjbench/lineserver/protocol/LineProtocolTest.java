package org.mpjbench.lineserver.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of {@link LineProtocol}: the exact bytes of every message, and the client's parsers. */
class LineProtocolTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void requestsAndRepliesAreExactlyTheDocumentedBytes() {
    assertEquals("SENDLINE\n", text(LineProtocol.sendLineRequest()));
    assertEquals("-1\n\n", text(LineProtocol.declinedReply()));
    assertEquals("17\nhello wörld\n", text(LineProtocol.sendLineReply(17, bytes("hello wörld"))));
    assertEquals("0\n\n", text(LineProtocol.sendLineReply(0, new byte[0])));
    assertEquals("SUBMIT\nrank3@team-a\n1000\n",
        text(LineProtocol.submitHeader("rank3", "team-a", 1000)));
    assertEquals("5\nline\r\n", text(LineProtocol.submitPair(5, bytes("line\r"))));
    assertEquals("SUBMIT OK 1000 lines in 532 ms\n", text(LineProtocol.submitOkReply(1000, 532)));
    assertEquals("SUBMIT FAILED line 17 is missing\n",
        text(LineProtocol.submitFailedReply("line 17 is missing")));
    assertEquals("ERROR unknown request 'HELLO'\n",
        text(LineProtocol.errorReply("unknown request 'HELLO'")));
  }

  @Test
  void constantArraysCannotBeChangedByCallers() {
    byte[] request = LineProtocol.sendLineRequest();
    request[0] = 'X';
    assertEquals("SENDLINE\n", text(LineProtocol.sendLineRequest()));
    assertNotSame(LineProtocol.declinedReply(), LineProtocol.declinedReply());
  }

  @Test
  void textsAreBytesAndKeptExactly() {
    byte[] text = {0, (byte) 0xFF, '\r', (byte) 0xC3, 'x'};
    byte[] reply = LineProtocol.sendLineReply(3, text);

    byte[] expected = {'3', '\n', 0, (byte) 0xFF, '\r', (byte) 0xC3, 'x', '\n'};
    assertArrayEquals(expected, reply);
    assertArrayEquals(expected, LineProtocol.submitPair(3, text));
  }

  @Test
  void aTextWithALineBreakOrANegativeNumberCannotBeEncoded() {
    assertThrows(IllegalArgumentException.class,
        () -> LineProtocol.sendLineReply(1, bytes("two\nlines")));
    assertThrows(IllegalArgumentException.class,
        () -> LineProtocol.submitPair(1, bytes("two\nlines")));
    assertThrows(IllegalArgumentException.class, () -> LineProtocol.sendLineReply(-1, bytes("")));
    assertThrows(IllegalArgumentException.class, () -> LineProtocol.submitPair(-2, bytes("x")));
  }

  @Test
  void reasonsCannotBreakTheFraming() {
    assertEquals("ERROR a?b?c?\n", text(LineProtocol.errorReply("a\nb\rcé")));
    assertEquals("SUBMIT FAILED x?y\n", text(LineProtocol.submitFailedReply("x\ny")));
    assertThrows(IllegalArgumentException.class, () -> LineProtocol.errorReply(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a@b", "é", "tab\t", "x/y"})
  void badNamesAreRefusedBySubmitHeader(String name) {
    assertFalse(LineProtocol.isValidName(name));
    assertThrows(IllegalArgumentException.class, () -> LineProtocol.submitHeader(name, "t", 1));
    assertThrows(IllegalArgumentException.class, () -> LineProtocol.submitHeader("i", name, 1));
  }

  @Test
  void nameRuleBoundsAndCharacters() {
    assertTrue(LineProtocol.isValidName("A.z_0+9-"));
    assertTrue(LineProtocol.isValidName("x".repeat(LineProtocol.MAX_NAME_CHARS)));
    assertFalse(LineProtocol.isValidName("x".repeat(LineProtocol.MAX_NAME_CHARS + 1)));
    assertFalse(LineProtocol.isValidName(null));
    assertThrows(IllegalArgumentException.class, () -> LineProtocol.submitHeader("a", "b", -1));
  }

  @Test
  void parseReplyNumberReadsLineNumbersAndDeclines() throws ProtocolException {
    assertEquals(0, LineProtocol.parseReplyNumber(bytes("0")));
    assertEquals(999, LineProtocol.parseReplyNumber(bytes("999")));
    assertEquals(LineProtocol.DECLINED, LineProtocol.parseReplyNumber(bytes("-1")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-2", "abc", "1 ", " 1", "+1", "99999999999999999999", "SUBMIT OK"})
  void parseReplyNumberRefusesAnythingElse(String line) {
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> LineProtocol.parseReplyNumber(bytes(line)));
    assertTrue(e.serverError().isEmpty());
    assertTrue(e.getMessage().contains("not a SENDLINE reply"), e.getMessage());
  }

  @Test
  void errorRepliesBecomeServerErrorsWithTheReason() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> LineProtocol.parseReplyNumber(bytes("ERROR too many connections from 127.0.0.1")));
    assertEquals("too many connections from 127.0.0.1", e.serverError().orElseThrow());
    assertTrue(e.getMessage().contains("ERROR too many connections"), e.getMessage());

    ProtocolException s = assertThrows(ProtocolException.class,
        () -> LineProtocol.parseSubmitReply(bytes("ERROR request line longer than 65536 bytes")));
    assertEquals("request line longer than 65536 bytes", s.serverError().orElseThrow());
  }

  @Test
  void parseSubmitReplyReadsBothOutcomes() throws ProtocolException {
    assertEquals(SubmitReply.accepted(1000, 532),
        LineProtocol.parseSubmitReply(bytes("SUBMIT OK 1000 lines in 532 ms")));
    assertEquals(SubmitReply.failed("line 3 is wrong"),
        LineProtocol.parseSubmitReply(bytes("SUBMIT FAILED line 3 is wrong")));
    // Round trip through the encoders, without the final line break the reader removes.
    byte[] ok = LineProtocol.submitOkReply(7, 0);
    assertEquals(SubmitReply.accepted(7, 0),
        LineProtocol.parseSubmitReply(Arrays.copyOf(ok, ok.length - 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SUBMIT OK", "SUBMIT OK 10 lines", "SUBMIT OK x lines in 5 ms",
      "SUBMIT OK 10 lines in -5 ms", "SUBMIT FAILED ", "SUBMIT OK 10 lines in 5 ms extra",
      "0", "-1"})
  void parseSubmitReplyRefusesAnythingElse(String line) {
    assertThrows(ProtocolException.class, () -> LineProtocol.parseSubmitReply(bytes(line)));
  }

  @Test
  void parseUnsignedAcceptsDigitsAndOneCarriageReturnOnly() {
    assertEquals(0, LineProtocol.parseUnsigned(bytes("0")));
    assertEquals(42, LineProtocol.parseUnsigned(bytes("42\r")));
    assertEquals(7, LineProtocol.parseUnsigned(bytes("007")));
    assertEquals(Long.MAX_VALUE, LineProtocol.parseUnsigned(bytes("9223372036854775807")));
    assertEquals(Long.MAX_VALUE, LineProtocol.parseUnsigned(bytes("9223372036854775808")),
        "beyond long: saturated, so that range checks refuse it");
    assertEquals(Long.MAX_VALUE, LineProtocol.parseUnsigned(bytes("9".repeat(100))));
    for (String bad : new String[] {"", "\r", "-1", "+1", "1\r\r", " 1", "1 ", "1a", "١", "0x10",
        "9".repeat(100) + "x"}) {
      assertEquals(LineProtocol.NOT_A_NUMBER, LineProtocol.parseUnsigned(bytes(bad)), bad);
    }
  }

  @Test
  void quoteIsPrintableAsciiAndAbbreviated() {
    assertEquals("HELLO", LineProtocol.quote(bytes("HELLO\r")));
    assertEquals("a\\x00b\\xC3\\xA9\\\\", LineProtocol.quote(bytes("a\0bé\\")));
    String longQuote = LineProtocol.quote(bytes("x".repeat(1000)));
    assertEquals("x".repeat(LineProtocol.MAX_QUOTED_CHARS) + "...", longQuote);
    String escapes = LineProtocol.quote(new byte[500]);
    assertTrue(escapes.length() <= LineProtocol.MAX_QUOTED_CHARS + 3, escapes);
    assertTrue(escapes.endsWith("..."), escapes);
    assertTrue(escapes.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), escapes);
  }
}
