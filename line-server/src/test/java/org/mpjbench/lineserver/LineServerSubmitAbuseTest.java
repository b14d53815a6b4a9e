package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Abusive {@code SUBMIT}s over real TCP, each against its own server: every one gets its exact
 * {@code SUBMIT FAILED} reason, and then either the connection stays usable (the pairs were read,
 * and no more) or it is closed at once (the pairs cannot be framed, or would be read without end).
 * A client that stops half-way is closed at the idle time-out. The file has a line with a NUL, one
 * with valid and one with invalid UTF-8: lines are bytes, and only the exact bytes are right.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineServerSubmitAbuseTest {
  /** Lines 0 to 5: "zero", "one", "t\0wo", "café" in UTF-8, 0xC3 '(' (invalid UTF-8), "five". */
  private static final LineFile FILE = LineFile.of(
      latin1("zero\none\nt\0wo\ncaf\u00C3\u00A9\n\u00C3(\nfive\n"));

  @RegisterExtension final TestServers servers = new TestServers();

  /** Each char of {@code text} as the byte of the same value: "\u00C3" is 0xC3, "\0" is NUL. */
  private static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The header and the pairs {@code n, text, n, text...}, each text as {@link #latin1} bytes. */
  private static String submit(String count, String... pairs) {
    StringBuilder request = new StringBuilder("SUBMIT\nrank0@team\n").append(count).append('\n');
    for (String line : pairs) {
      request.append(line).append('\n');
    }
    return request.toString();
  }

  /** Every line right, in order, as pairs for {@link #submit}. */
  private static String[] rightPairs() {
    List<String> pairs = new ArrayList<>();
    for (int n = 0; n < FILE.lineCount(); n++) {
      pairs.add(String.valueOf(n));
      pairs.add(new String(FILE.line(n), StandardCharsets.ISO_8859_1));
    }
    return pairs.toArray(String[]::new);
  }

  /** {@link #rightPairs()} with pair {@code index} replaced by {@code n} and {@code text}. */
  private static String[] rightPairsBut(int index, String n, String text) {
    String[] pairs = rightPairs();
    pairs[2 * index] = n;
    pairs[2 * index + 1] = text;
    return pairs;
  }

  /** What the server does after the reply. */
  enum After { USABLE, CLOSED }

  static Stream<Arguments> abuses() {
    return Stream.of(
        Arguments.of("every line right, NUL and invalid UTF-8 included",
            submit("6", rightPairs()), "SUBMIT OK 6 lines in 0 ms", After.USABLE),
        // The header: a count that cannot frame the pairs is refused before any pair is read.
        Arguments.of("negative count", submit("-5", rightPairs()),
            "SUBMIT FAILED count '-5' is not a number of lines", After.CLOSED),
        Arguments.of("count with a NUL", submit("1\0" + "2"),
            "SUBMIT FAILED count '1\\x002' is not a number of lines", After.CLOSED),
        Arguments.of("count of two billion, no pairs sent", submit("2000000000"),
            "SUBMIT FAILED count 2000000000 exceeds the file's 6 lines", After.CLOSED),
        Arguments.of("count one above the file", submit("7", rightPairs()),
            "SUBMIT FAILED count 7 exceeds the file's 6 lines", After.CLOSED),
        Arguments.of("id@team with a NUL: the pairs are skipped",
            submit("6", rightPairs()).replace("rank0@team", "rank0\0@team"),
            "SUBMIT FAILED malformed id@team 'rank0\\x00@team' (each 1 to 64 characters from"
                + " A-Z a-z 0-9 . _ + -)", After.USABLE),
        Arguments.of("id@team in invalid UTF-8: the pairs are skipped",
            submit("6", rightPairs()).replace("rank0@team", "r\u00C3@team"),
            "SUBMIT FAILED malformed id@team 'r\\xC3@team' (each 1 to 64 characters from"
                + " A-Z a-z 0-9 . _ + -)", After.USABLE),
        // The pairs: read to the count, whatever they say, and judged.
        Arguments.of("count smaller than the pairs: the rest are requests",
            submit("5", rightPairs()), "SUBMIT FAILED line 5 is missing", After.USABLE),
        Arguments.of("the same line twice, spelt differently",
            submit("6", rightPairsBut(2, "01", "one")),
            "SUBMIT FAILED line 1 appears twice", After.USABLE),
        Arguments.of("line number one past the end", submit("6", rightPairsBut(5, "6", "x")),
            "SUBMIT FAILED line number 6 is out of range 0..5", After.USABLE),
        Arguments.of("negative line number", submit("6", rightPairsBut(0, "-1", "zero")),
            "SUBMIT FAILED line number '-1' is not a number", After.USABLE),
        Arguments.of("line number beyond 64 bits",
            submit("6", rightPairsBut(0, "18446744073709551616", "zero")),
            "SUBMIT FAILED line number 18446744073709551616 is out of range 0..5", After.USABLE),
        Arguments.of("line number with a NUL", submit("6", rightPairsBut(0, "0\0", "zero")),
            "SUBMIT FAILED line number '0\\x00' is not a number", After.USABLE),
        Arguments.of("a NUL dropped from a line", submit("6", rightPairsBut(2, "2", "two")),
            "SUBMIT FAILED line 2 is wrong", After.USABLE),
        Arguments.of("a NUL added to a line", submit("6", rightPairsBut(0, "0", "zero\0")),
            "SUBMIT FAILED line 0 is wrong", After.USABLE),
        Arguments.of("valid UTF-8 cut into invalid",
            submit("6", rightPairsBut(3, "3", "caf\u00C3")),
            "SUBMIT FAILED line 3 is wrong", After.USABLE),
        Arguments.of("invalid UTF-8 'repaired' by a decoder",
            submit("6", rightPairsBut(4, "4", "\u00EF\u00BF\u00BD(")),
            "SUBMIT FAILED line 4 is wrong", After.USABLE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("abuses")
  void eachAbuseGetsItsReasonAndTheConnectionStaysUsableOrIsClosed(String what, String request,
      String reply, After after) throws IOException {
    // The idle time-out (120 s) is far beyond the client's 5 s read time-out: a reply that comes
    // comes without the server waiting for pairs that were never sent.
    LineServer server = servers.start(LineServerConfig.defaults(FILE));

    try (TestClient client = new TestClient(server.address())) {
      client.send(latin1(request));
      assertEquals(reply, client.readLine(), what);
      if (what.startsWith("count smaller")) {
        assertEquals("ERROR unknown request '5'; requests are SENDLINE, SUBMIT and INFO",
            client.readLine());
        assertEquals("ERROR unknown request 'five'; requests are SENDLINE, SUBMIT and INFO",
            client.readLine());
      }
      if (after == After.USABLE) {
        TestClient.Reply line = client.sendLine();
        assertArrayEquals(FILE.line((int) line.n()), line.text(), what + ": still framed");
      } else {
        assertTrue(client.closedByServer(true), what + ": closed");
      }
    }
    assertEquals(0, server.stats().connectionsFailed());
  }

  @Test
  void anEndlessTextIsCutOffAtThePairsBudgetNotReadToTheEnd() throws Exception {
    LineServer server = servers.start(LineServerConfig.defaults(FILE));
    long budget = server.pairBudgetBytes(6);
    AtomicLong written = new AtomicLong();

    try (TestClient client = new TestClient(server.address())) {
      Thread endless = new Thread(() -> {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        try {
          OutputStream out = client.socket.getOutputStream();
          out.write(latin1("SUBMIT\na@b\n6\n0\n"));
          while (written.get() < 1L << 30) { // a gigabyte: "without end" as far as we wait
            out.write(chunk);
            written.addAndGet(chunk.length);
          }
        } catch (IOException e) {
          // The server closed the connection: what this test expects.
        }
      }, "endless-text");
      endless.setDaemon(true);
      endless.start();

      assertEquals("SUBMIT FAILED the pairs take more than " + budget + " bytes, more than a"
          + " right submission can; the rest is not read", client.readLine());
      assertTrue(client.closedByServer(true));
      endless.join(10_000);
      // The server reads the budget, and drains at most 1 MiB more while it closes; the rest is
      // what the sockets' buffers held.
      assertTrue(written.get() < 64L << 20, "the client wrote " + written.get() + " bytes");
    }
    assertEquals(1, server.stats().submissionsFailed());
  }

  @Test
  void longNumberLinesAddUpToThePairsBudget() throws IOException {
    // Each number line is within the 64 KiB request-line bound (leading zeros make it a right
    // number), but together they would be 6 x 60 KB: more than six pairs of this file can take.
    LineServer server = servers.start(LineServerConfig.defaults(FILE));
    String zeros = "0".repeat(60_000);
    String[] pairs = rightPairs();
    for (int i = 0; i < pairs.length; i += 2) {
      pairs[i] = zeros + pairs[i];
    }

    try (TestClient client = new TestClient(server.address())) {
      client.send(latin1(submit("6", pairs)));
      assertEquals("SUBMIT FAILED the pairs take more than " + server.pairBudgetBytes(6)
          + " bytes, more than a right submission can; the rest is not read", client.readLine());
      assertTrue(client.closedByServer(true));
    }
    // A few long numbers within the budget are just numbers.
    try (TestClient client = new TestClient(server.address())) {
      String[] some = rightPairs();
      some[0] = "0".repeat(30_000);
      assertEquals("SUBMIT OK 6 lines in 0 ms", sendAndRead(client, submit("6", some)));
    }
  }

  private static String sendAndRead(TestClient client, String request) throws IOException {
    client.send(latin1(request));
    return client.readLine();
  }

  @Test
  void submissionStoppedHalfWayIsClosedAtTheIdleTimeoutAndOthersAreServed() throws Exception {
    LineServer server = servers.start(LineServerConfig.defaults(FILE)
        .withIdleTimeout(Duration.ofMillis(800)));
    String[] half = Arrays.copyOf(rightPairs(), 6); // 3 of the 6 pairs announced

    try (TestClient stalled = new TestClient(server.address());
        TestClient other = new TestClient(server.address())) {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.writeBytes(latin1(submit("6", half)));
      request.writeBytes(latin1("3\ncaf")); // and half a pair
      stalled.send(request.toByteArray());
      long start = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        TestClient.Reply line = other.sendLine();
        assertArrayEquals(FILE.line((int) line.n()), line.text(), "served meanwhile");
        Thread.sleep(100);
      }
      assertTrue(stalled.closedByServer(false), "closed without a reply");
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertTrue(millis >= 700, "closed after " + millis + " ms, not before the time-out");
    }
    assertEquals(0, server.stats().submissionsFailed(), "no verdict on half a submission");
    assertEquals(0, server.stats().submissionsOk());
  }
}
