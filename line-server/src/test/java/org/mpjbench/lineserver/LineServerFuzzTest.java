package org.mpjbench.lineserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mpjbench.lineserver.protocol.LineProtocol;
import org.mpjbench.lineserver.protocol.LineReader;

/**
 * A seeded fuzz test of the live line server over TCP: hundreds of connections, each sending a
 * random mix of well-formed requests (SENDLINE, right and wrong submissions whose verdict is known
 * from how they were made) and garbage lines, cut into random writes down to single bytes, and
 * ending cleanly, abruptly, half-way through a request, or with input that closes the connection.
 * Every request must get exactly its reply, in order; the server must end no connection with an
 * exception of its own, and must still serve afterwards. {@link
 * org.mpjbench.lineserver.protocol.RequestParserFuzzTest} fuzzes the parser alone with
 * thousands of inputs.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LineServerFuzzTest {
  private static final long SEED = 20_250_6L;
  private static final int CONNECTIONS = 400;
  private static final int PARALLEL = 4;
  private static final int MAX_SEGMENTS = 8;

  /** Lines with a NUL, a \r, invalid UTF-8, request look-alikes and an empty one. */
  private static final LineFile FILE = fileOfLines("zero", "SENDLINE", "t\0wo", "cr\r",
      "\u00C3(\u00FF", "", "SUBMIT", "caf\u00C3\u00A9", "-1", "nine");

  /** Lines a client might send by mistake: never a request, always one ERROR. */
  private static final String[] NEAR_MISSES = {"sendline", "SENDLINE ", " SENDLINE", "SENDLINES",
      "SUBMIT now", "GET / HTTP/1.1", "\0", "SEND\0LINE", "-1", "", "\r"};

  /** What the server must answer to one segment. */
  sealed interface Expect {
    /** One reply line, exactly. */
    record Line(String text) implements Expect {}

    /** One reply line matching this. */
    record Matching(Pattern pattern) implements Expect {}

    /** A SENDLINE reply: a line number, and that line of the file. */
    record SendLineReply() implements Expect {}
  }

  /** Bytes to send, and the replies they must get. */
  record Segment(byte[] bytes, List<Expect> replies) {}

  /** How a connection ends after its segments. */
  enum Ending {
    /** The client shuts its output down: the server must close after the last reply. */
    CLEAN,
    /** The client closes with a reset, with nothing half-sent. */
    RESET,
    /** Half of a request, then the client closes. */
    HALF_THEN_CLOSE,
    /** A request line over 64 KiB: the error, then the server closes. */
    OVER_LONG,
    /** A SUBMIT whose count is not a number: refused, then the server closes. */
    BAD_COUNT
  }

  @Test
  void randomRequestsCutIntoRandomWritesGetExactlyTheirReplies() throws Exception {
    LineServer server = LineServer.start(LineServerConfig.defaults(FILE)
        .withRatePerSecond(1e9).withBurst(1_000_000));
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<?>> cases = new ArrayList<>();
      for (int c = 0; c < CONNECTIONS; c++) {
        int index = c;
        cases.add(pool.submit(() -> {
          runCase(server, index);
          return null;
        }));
      }
      for (Future<?> result : cases) {
        result.get(60, TimeUnit.SECONDS);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.stats().connectionsOpen() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      LineServer.Stats stats = server.stats();
      System.out.println(CONNECTIONS + " fuzzed connections (seed " + SEED + "): "
          + stats.summary());
      assertEquals(0, stats.connectionsOpen(), "every connection is released");
      assertEquals(0, stats.connectionsFailed(), "no connection ended by a server exception");
      assertEquals(CONNECTIONS, stats.connectionsAccepted());
      try (TestClient client = new TestClient(server.address())) {
        TestClient.Reply reply = client.sendLine();
        assertArrayEquals(FILE.line((int) reply.n()), reply.text(), "still serving");
      }
    } finally {
      pool.shutdownNow();
      server.close();
    }
  }

  private static void runCase(LineServer server, int index) throws IOException {
    SplittableRandom random = new SplittableRandom(SEED + 7919L * index);
    List<Segment> segments = new ArrayList<>();
    for (int i = random.nextInt(MAX_SEGMENTS + 1); i > 0; i--) {
      segments.add(randomSegment(random));
    }
    Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
    String what = "connection " + index + " (seed " + SEED + ", " + ending + ")";
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<Expect> replies = new ArrayList<>();
    for (Segment segment : segments) {
      stream.writeBytes(segment.bytes());
      replies.addAll(segment.replies());
    }
    switch (ending) {
      case HALF_THEN_CLOSE -> {
        byte[] next = randomSegment(random).bytes();
        stream.write(next, 0, random.nextInt(next.length)); // a strict prefix
      }
      case OVER_LONG -> {
        stream.writeBytes("y".repeat(LineProtocol.MAX_REQUEST_LINE_BYTES + 1 + random.nextInt(
            10_000)).getBytes(StandardCharsets.US_ASCII));
        stream.write('\n');
        replies.add(new Expect.Line("ERROR request line longer than 65536 bytes"));
      }
      case BAD_COUNT -> {
        stream.writeBytes(ascii("SUBMIT\na@b\nlots\n0\nzero\n"));
        replies.add(new Expect.Line("SUBMIT FAILED count 'lots' is not a number of lines"));
      }
      default -> {
        // Nothing more.
      }
    }

    try (Socket socket = new Socket(server.address().getAddress(), server.address().getPort())) {
      socket.setSoTimeout(TestClient.READ_TIMEOUT_MILLIS);
      socket.setTcpNoDelay(true);
      writeInRandomPieces(socket.getOutputStream(), stream.toByteArray(), random);
      if (ending == Ending.CLEAN) {
        socket.shutdownOutput();
      }
      LineReader reader = new LineReader(socket.getInputStream(), 1 << 20);
      for (int r = 0; r < replies.size(); r++) {
        check(replies.get(r), reader, what + ", reply " + r + " of " + replies.size());
      }
      switch (ending) {
        case RESET, HALF_THEN_CLOSE -> {
          socket.setSoLinger(true, 0);
          socket.close();
        }
        default -> {
          if (ending != Ending.CLEAN) {
            socket.shutdownOutput(); // the server, reading on before it closes, can stop at once
          }
          try {
            assertEquals(null, reader.readLine(), what + ": closed after the last reply");
          } catch (SocketException e) {
            // A reset after the last reply is a close too.
          }
        }
      }
    } catch (IOException | AssertionError e) {
      throw new AssertionError(what + ": " + e, e);
    }
  }

  private static void check(Expect expect, LineReader reader, String what) throws IOException {
    byte[] line = reader.readLine();
    assertTrue(line != null, what + ": the server closed instead of replying " + expect);
    String text = new String(line, StandardCharsets.ISO_8859_1);
    if (expect instanceof Expect.Line exact) {
      assertEquals(exact.text(), text, what);
    } else if (expect instanceof Expect.Matching matching) {
      assertTrue(matching.pattern().matcher(text).matches(), what + ": " + text);
    } else {
      long n = LineProtocol.parseReplyNumber(line);
      assertTrue(n >= 0 && n < FILE.lineCount(), what + ": line number " + n);
      assertArrayEquals(FILE.line((int) n), reader.readLine(), what + ": the text of line " + n);
    }
  }

  /** Writes {@code bytes} in 1 to 20 pieces, some a single byte, with now and then a pause. */
  private static void writeInRandomPieces(OutputStream out, byte[] bytes, SplittableRandom random)
      throws IOException {
    int pieces = 1 + random.nextInt(20);
    int position = 0;
    for (int i = 0; i < pieces && position < bytes.length; i++) {
      int length = i == pieces - 1 ? bytes.length - position
          : random.nextInt(4) == 0 ? 1 : random.nextInt(1, bytes.length - position + 1);
      out.write(bytes, position, length);
      out.flush();
      position += length;
      if (random.nextInt(10) == 0) {
        sleep(1);
      }
    }
    out.write(bytes, position, bytes.length - position);
    out.flush();
  }

  // ---------------------------------------------------------------- segments

  private static Segment randomSegment(SplittableRandom random) {
    int lines = FILE.lineCount();
    String eol = random.nextInt(4) == 0 ? "\r\n" : "\n";
    switch (random.nextInt(9)) {
      case 0, 1:
        return new Segment(ascii("SENDLINE" + eol), List.of(new Expect.SendLineReply()));
      case 2:
        return new Segment(submission(random, allLines(random), eol),
            List.of(new Expect.Matching(Pattern.compile(
                "SUBMIT OK " + lines + " lines in [0-9]+ ms"))));
      case 3: {
        List<Pair> pairs = allLines(random);
        Pair missing = pairs.remove(random.nextInt(pairs.size()));
        return failing(submission(random, pairs, eol), "line " + missing.n() + " is missing");
      }
      case 4: {
        List<Pair> pairs = allLines(random);
        int k = random.nextInt(pairs.size());
        Pair right = pairs.get(k);
        pairs.set(k, new Pair(String.valueOf(right.n()), altered(right.text(), random),
            right.n()));
        return failing(submission(random, pairs, eol), "line " + right.n() + " is wrong");
      }
      case 5: {
        List<Pair> pairs = allLines(random);
        // The last pair becomes a second copy of an earlier one.
        Pair copy = pairs.get(random.nextInt(pairs.size() - 1));
        pairs.set(pairs.size() - 1, copy);
        return failing(submission(random, pairs, eol), "line " + copy.n() + " appears twice");
      }
      case 6: {
        List<Pair> pairs = allLines(random);
        int k = random.nextInt(pairs.size());
        boolean number = random.nextBoolean();
        String bad = number ? String.valueOf(lines + random.nextInt(1_000_000))
            : "n" + random.nextInt(100);
        pairs.set(k, new Pair(bad, pairs.get(k).text(), -1));
        return failing(submission(random, pairs, eol), number
            ? "line number " + bad + " is out of range 0.." + (lines - 1)
            : "line number '" + bad + "' is not a number");
      }
      case 7: {
        List<Pair> pairs = allLines(random);
        byte[] request = submission(random, pairs, eol);
        String header = "SUBMIT" + eol + "rank@team" + eol;
        String malformed = "SUBMIT" + eol + "rank team" + eol;
        byte[] bytes = replaceStart(request, ascii(header), ascii(malformed));
        return failing(bytes, "malformed id@team 'rank team' (each " + LineProtocol.nameRule()
            + ")");
      }
      default:
        return garbageLine(random);
    }
  }

  /** One line that is no request, and its ERROR. */
  private static Segment garbageLine(SplittableRandom random) {
    byte[] line;
    if (random.nextBoolean()) {
      line = NEAR_MISSES[random.nextInt(NEAR_MISSES.length)].getBytes(
          StandardCharsets.ISO_8859_1);
    } else {
      line = new byte[random.nextInt(1, 200)];
      for (int i = 0; i < line.length; i++) {
        byte b;
        do {
          b = (byte) random.nextInt(256);
        } while (b == '\n');
        line[i] = b;
      }
    }
    String reason = line.length == 0 || Arrays.equals(line, new byte[] {'\r'})
        ? "empty request line"
        : "unknown request '" + LineProtocol.quote(line) + "'";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(line);
    bytes.write('\n');
    return new Segment(bytes.toByteArray(), List.of(
        new Expect.Line("ERROR " + reason + "; requests are SENDLINE, SUBMIT and INFO")));
  }

  /** A pair as sent: the number line, the text, and the line it names (-1: none). */
  private record Pair(String number, byte[] text, int n) {}

  /** Every line of the file once, right, in a random order. */
  private static List<Pair> allLines(SplittableRandom random) {
    List<Pair> pairs = new ArrayList<>();
    for (int n = 0; n < FILE.lineCount(); n++) {
      pairs.add(new Pair(String.valueOf(n), FILE.line(n), n));
    }
    for (int i = pairs.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      pairs.set(i, pairs.set(j, pairs.get(i)));
    }
    return pairs;
  }

  private static byte[] submission(SplittableRandom random, List<Pair> pairs, String eol) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(ascii("SUBMIT" + eol + "rank@team" + eol + pairs.size() + eol));
    for (Pair pair : pairs) {
      // Number lines may end in \r\n; texts are bytes, so never.
      bytes.writeBytes(ascii(pair.number() + (random.nextInt(4) == 0 ? "\r\n" : "\n")));
      bytes.writeBytes(pair.text());
      bytes.write('\n');
    }
    return bytes.toByteArray();
  }

  private static Segment failing(byte[] bytes, String reason) {
    return new Segment(bytes, List.of(new Expect.Line("SUBMIT FAILED " + reason)));
  }

  /** {@code text} with one byte changed, added or removed; never a line break. */
  private static byte[] altered(byte[] text, SplittableRandom random) {
    int how = text.length == 0 ? 0 : random.nextInt(3);
    byte b = (byte) random.nextInt(256);
    if (b == '\n') {
      b = 'Q';
    }
    if (how == 0) {
      byte[] longer = Arrays.copyOf(text, text.length + 1);
      longer[text.length] = b;
      return longer;
    }
    if (how == 1) {
      return Arrays.copyOf(text, text.length - 1);
    }
    byte[] changed = text.clone();
    int i = random.nextInt(text.length);
    changed[i] = changed[i] == b ? (byte) (b ^ 1) : b;
    if (changed[i] == '\n') {
      changed[i] = 'Q';
    }
    return changed;
  }

  private static byte[] replaceStart(byte[] bytes, byte[] start, byte[] replacement) {
    assertArrayEquals(start, Arrays.copyOf(bytes, start.length));
    ByteArrayOutputStream result = new ByteArrayOutputStream();
    result.writeBytes(replacement);
    result.write(bytes, start.length, bytes.length - start.length);
    return result.toByteArray();
  }

  /** {@code lines} each followed by a line break, each char as the byte of the same value. */
  private static LineFile fileOfLines(String... lines) {
    List<byte[]> bytes = new ArrayList<>();
    for (String line : lines) {
      bytes.add(line.getBytes(StandardCharsets.ISO_8859_1));
    }
    return LineFile.ofLines(bytes);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
