package org.mpjbench.lineserver.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests of the {@code INFO} request and reply: encoding, strict parsing, and the parser. */
class InfoReplyTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void theRequestIsTheWordAndALineBreak() {
    assertArrayEquals(bytes("INFO\n"), LineProtocol.infoRequest());
  }

  @Test
  void theReplyIsOneLineWithPlainNumbers() {
    assertArrayEquals(bytes("INFO lines=674 rate=2000 burst=5\n"),
        LineProtocol.infoReply(new ServerInfo(674, 2000, 5)));
    assertArrayEquals(bytes("INFO lines=1 rate=0.5 burst=1\n"),
        LineProtocol.infoReply(new ServerInfo(1, 0.5, 1)));
    assertArrayEquals(bytes("INFO lines=7 rate=12345678901 burst=3\n"),
        LineProtocol.infoReply(new ServerInfo(7, 12_345_678_901.0, 3)));
  }

  @Test
  void whatIsEncodedParsesBack() throws ProtocolException {
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 1000; i++) {
      ServerInfo info = new ServerInfo(random.nextInt(1, Integer.MAX_VALUE),
          Math.round(random.nextDouble(0.001, 1e6) * 1000) / 1000.0,
          random.nextInt(1, Integer.MAX_VALUE));
      byte[] reply = LineProtocol.infoReply(info);
      byte[] line = java.util.Arrays.copyOf(reply, reply.length - 1);
      assertEquals(info, LineProtocol.parseInfoReply(line));
    }
  }

  @Test
  void aCarriageReturnIsIgnored() throws ProtocolException {
    assertEquals(new ServerInfo(3, 2.5, 4),
        LineProtocol.parseInfoReply(bytes("INFO lines=3 rate=2.5 burst=4\r")));
  }

  @Test
  void anErrorReplyCarriesTheServersReason() {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> LineProtocol.parseInfoReply(bytes("ERROR unknown command")));
    assertEquals("unknown command", e.serverError().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "INFO", "INFO ", "INFO lines=3", "INFO lines=3 rate=2 burst=",
      "INFO lines=0 rate=2 burst=1", "INFO lines=3 rate=0 burst=1",
      "INFO lines=3 rate=0.0 burst=1", "INFO lines=3 rate=2 burst=0",
      "INFO lines=-3 rate=2 burst=1", "INFO lines=3 rate=1e3 burst=1",
      "INFO lines=3 rate=2. burst=1", "INFO lines=3 rate=.5 burst=1", "INFO lines=3 rate=NaN burst=1",
      "INFO lines=3 rate=Infinity burst=1", "INFO  lines=3 rate=2 burst=1",
      "INFO lines=3 burst=1 rate=2", "INFO lines=3 rate=2 burst=1 extra=4",
      "info lines=3 rate=2 burst=1", "INFO lines=3 rate=2 burst=1\r\r",
      "INFO lines=99999999999 rate=2 burst=1", "INFO lines=3 rate=2 burst=99999999999",
      "INFO lines=2147483648 rate=2 burst=1", "0", "-1", "SUBMIT OK 3 lines in 4 ms",
      "INFO lines=3 rate=2 burst=1\0"})
  void anythingElseIsNotAnInfoReply(String line) {
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> LineProtocol.parseInfoReply(bytes(line)));
    assertFalse(e.serverError().isPresent());
    assertTrue(e.getMessage().startsWith("not an INFO reply: '"), e.getMessage());
  }

  @Test
  void aHugeReplyIsRefusedWithoutBeingMatched() {
    byte[] huge = bytes("INFO lines=3 rate=" + "1".repeat(100_000) + " burst=1");
    ProtocolException e = assertThrows(ProtocolException.class,
        () -> LineProtocol.parseInfoReply(huge));
    assertTrue(e.getMessage().length() < 100, "the excerpt is bounded: " + e.getMessage());
  }

  @Test
  void garbageBytesNeverThrowAnythingElse() {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 20_000; i++) {
      byte[] line = new byte[random.nextInt(0, 60)];
      for (int j = 0; j < line.length; j++) {
        line[j] = (byte) random.nextInt(256);
      }
      if (i % 2 == 0 && line.length > 5) {
        System.arraycopy(bytes("INFO "), 0, line, 0, 5);
      }
      try {
        LineProtocol.parseInfoReply(line);
      } catch (ProtocolException expected) {
        // The only failure allowed.
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"INFO", "INFO\r"})
  void theParserKnowsInfo(String line) {
    RequestParser parser = new RequestParser(10);
    assertEquals(new Request.Info(), parser.accept(bytes(line)));
    assertFalse(parser.midRequest());
  }

  @Test
  void aServerInfoChecksItsValues() {
    assertThrows(IllegalArgumentException.class, () -> new ServerInfo(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new ServerInfo(1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ServerInfo(1, Double.NaN, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new ServerInfo(1, Double.POSITIVE_INFINITY, 1));
    assertThrows(IllegalArgumentException.class, () -> new ServerInfo(1, 1, 0));
  }
}
