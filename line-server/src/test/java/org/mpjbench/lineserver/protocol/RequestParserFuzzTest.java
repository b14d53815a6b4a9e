package org.mpjbench.lineserver.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz test of the server's request framing and parsing: thousands of random byte
 * sequences, built from protocol fragments and raw bytes, go through {@link LineReader} and {@link
 * RequestParser} as the server reads them. Nothing may come out but the documented outcomes: a
 * line, null at the end, {@link EOFException} for a half line, {@link
 * LineReader.LineTooLongException}; then null or one of the {@link Request} kinds, each satisfying
 * its invariants.
 */
class RequestParserFuzzTest {
  private static final long SEED = 20_240_601L;
  private static final int SEQUENCES = 5000;
  private static final int MAX_LINE_BYTES = 256;
  private static final int FILE_LINES = 1000;

  /** Lines a client might send, right or nearly right; the input mixes them with raw bytes. */
  private static final String[] LINES = {
    "SENDLINE", "SENDLINE", "SUBMIT", "SUBMIT", "SUBMIT", "rank1@team-a", "a@b", "a@b", "0", "1",
    "5", "999", "1000", "1001", "-1", "2147483648", "99999999999999999999", "HELLO", "", "é",
    "a b@c", "a@b@c", "sendline", "SENDLINE ", "\0",
  };

  @Test
  void randomBytesGiveOnlyDocumentedOutcomes() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int sequence = 0; sequence < SEQUENCES; sequence++) {
      byte[] input = randomInput(random);
      LineReader reader = new LineReader(new ByteArrayInputStream(input), MAX_LINE_BYTES);
      RequestParser parser = new RequestParser(FILE_LINES);
      while (true) {
        byte[] line;
        try {
          line = reader.readLine();
        } catch (LineReader.LineTooLongException e) {
          count(outcomes, "line too long");
          try {
            reader.skipLine();
          } catch (EOFException end) {
            break;
          }
          continue;
        } catch (EOFException e) {
          count(outcomes, "half line at the end");
          break;
        }
        if (line == null) {
          count(outcomes, parser.midRequest() ? "end inside a request" : "clean end");
          break;
        }
        assertTrue(line.length <= MAX_LINE_BYTES);
        for (byte b : line) {
          assertTrue(b != '\n', "a line never holds its line break");
        }
        Request request;
        try {
          request = parser.accept(line);
        } catch (RuntimeException e) {
          throw new AssertionError("sequence " + sequence + ": the parser threw on "
              + LineProtocol.quote(line, 300), e);
        }
        count(outcomes, check(request, parser));
      }
    }
    // The fuzzing must actually reach every outcome, or it tests less than it claims.
    for (String expected : new String[] {"SendLine", "Submit", "RejectedSubmit (skip)",
        "RejectedSubmit (close)", "Invalid", "more lines", "line too long", "half line at the end",
        "clean end", "end inside a request"}) {
      assertTrue(outcomes.getOrDefault(expected, 0) > 0,
          "never reached '" + expected + "': " + outcomes);
    }
  }

  @Test
  void sameSeedSameOutcomes() throws IOException {
    assertEquals(outcomesOf(new SplittableRandom(3)), outcomesOf(new SplittableRandom(3)));
  }

  private static String outcomesOf(SplittableRandom random) throws IOException {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      LineReader reader = new LineReader(new ByteArrayInputStream(randomInput(random)), 10_000);
      RequestParser parser = new RequestParser(FILE_LINES);
      try {
        byte[] line;
        while ((line = reader.readLine()) != null) {
          all.append(parser.accept(line)).append(';');
        }
      } catch (EOFException e) {
        all.append("EOF;");
      }
    }
    return all.toString();
  }

  /** Checks the invariants of one outcome and names it. */
  private static String check(Request request, RequestParser parser) {
    if (request == null) {
      assertTrue(parser.midRequest(), "null only while a request is incomplete");
      return "more lines";
    }
    assertFalse(parser.midRequest(), "a request was completed");
    if (request instanceof Request.SendLine) {
      return "SendLine";
    }
    if (request instanceof Request.Submit submit) {
      assertTrue(LineProtocol.isValidName(submit.id()), submit.id());
      assertTrue(LineProtocol.isValidName(submit.team()), submit.team());
      assertTrue(submit.count() >= 0 && submit.count() <= FILE_LINES, submit.toString());
      return "Submit";
    }
    if (request instanceof Request.RejectedSubmit rejected) {
      assertPrintable(rejected.reason());
      assertTrue(rejected.pairsToSkip() <= FILE_LINES, rejected.toString());
      return rejected.closesConnection() ? "RejectedSubmit (close)" : "RejectedSubmit (skip)";
    }
    if (request instanceof Request.Invalid invalid) {
      assertPrintable(invalid.reason());
      return "Invalid";
    }
    return fail("not a documented request kind: " + request);
  }

  private static void assertPrintable(String reason) {
    assertFalse(reason.isEmpty());
    assertTrue(reason.length() < 300, reason);
    assertTrue(reason.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), reason);
  }

  private static byte[] randomInput(SplittableRandom random) {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    int pieces = random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      int kind = random.nextInt(20);
      if (kind < 15) {
        byte[] line = LINES[random.nextInt(LINES.length)].getBytes(StandardCharsets.UTF_8);
        if (line.length > 0 && random.nextInt(10) == 0) {
          line[random.nextInt(line.length)] = (byte) random.nextInt(256); // one byte flipped
        }
        input.writeBytes(line);
        input.writeBytes(random.nextInt(4) == 0 ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
      } else if (kind < 19) {
        byte[] raw = new byte[random.nextInt(1, 12)];
        for (int j = 0; j < raw.length; j++) {
          raw[j] = (byte) random.nextInt(256);
        }
        input.writeBytes(raw);
      } else {
        // Now and then a run long enough to go over the line bound.
        input.writeBytes("X".repeat(random.nextInt(100, 400)).getBytes(StandardCharsets.UTF_8));
      }
    }
    return input.toByteArray();
  }

  private static void count(Map<String, Integer> outcomes, String outcome) {
    outcomes.merge(outcome, 1, Integer::sum);
  }
}
