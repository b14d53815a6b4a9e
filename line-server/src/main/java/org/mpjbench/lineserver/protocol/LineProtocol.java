package org.mpjbench.lineserver.protocol;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line server's messages as bytes (see the package description for the whole protocol): the
 * constants, encoders for both sides, and parsers of the replies for the client. Every method is a
 * pure function of its arguments; nothing here touches a socket.
 */
public final class LineProtocol {
  /** Longest request line (command, {@code id@team}, count, line number) the server reads. */
  public static final int MAX_REQUEST_LINE_BYTES = 65_536;

  /** The command that asks for a random line. */
  public static final String SENDLINE = "SENDLINE";

  /** The command that opens a submission. */
  public static final String SUBMIT = "SUBMIT";

  /**
   * The command that asks what the server serves (our extension: the write-up's server answers it
   * with {@code ERROR}); the reply is one line, see {@link #infoReply}.
   */
  public static final String INFO = "INFO";

  /** Start of the reply to {@code INFO}. */
  public static final String INFO_PREFIX = "INFO ";

  /**
   * Longest reply to {@code INFO} a client reads: the real one is under 80 bytes, so anything
   * longer is not one (and a client reads no further).
   */
  public static final int MAX_INFO_REPLY_BYTES = 256;

  /** The line number of a declined {@code SENDLINE} ({@code -1\n\n}). */
  public static final long DECLINED = -1;

  /** Longest {@code id} or {@code team}, in characters. */
  public static final int MAX_NAME_CHARS = 64;

  /** Longest excerpt of a peer's bytes that a reason quotes, in characters (before "..."). */
  public static final int MAX_QUOTED_CHARS = 40;

  /** Start of an accepted submission's reply. */
  public static final String SUBMIT_OK_PREFIX = "SUBMIT OK ";

  /** Start of a refused submission's reply. */
  public static final String SUBMIT_FAILED_PREFIX = "SUBMIT FAILED ";

  /** Start of the reply to anything that is not a request. */
  public static final String ERROR_PREFIX = "ERROR ";

  /** {@link #parseUnsigned}'s answer for a line that is not an unsigned decimal number. */
  public static final long NOT_A_NUMBER = -1;

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
  private static final byte[] SENDLINE_REQUEST = ascii(SENDLINE + "\n");
  private static final byte[] INFO_REQUEST = ascii(INFO + "\n");
  /** {@code INFO lines=<n> rate=<r> burst=<b>}: digits, a plain decimal, digits. */
  private static final Pattern INFO_REPLY =
      Pattern.compile("INFO lines=([0-9]{1,10}) rate=([0-9]{1,20}(?:\\.[0-9]{1,9})?)"
          + " burst=([0-9]{1,10})\r?");
  private static final byte[] DECLINED_REPLY = ascii("-1\n\n");

  private LineProtocol() {}

  // ---------------------------------------------------------------- encoding

  /** {@code SENDLINE\n} (a fresh array each time: arrays cannot be constants). */
  public static byte[] sendLineRequest() {
    return SENDLINE_REQUEST.clone();
  }

  /** {@code INFO\n}. */
  public static byte[] infoRequest() {
    return INFO_REQUEST.clone();
  }

  /**
   * {@code INFO lines=<lineCount> rate=<ratePerSecond> burst=<burst>\n}: the rate as a plain
   * decimal without exponent, at most 9 decimals ({@code rate=2000}, {@code rate=0.5}). A rate
   * that does not fit the format (below 10^-9, or 21 digits and more) gives a reply clients do not
   * parse, and they fall back to their own settings as with a server that has no {@code INFO}.
   */
  public static byte[] infoReply(ServerInfo info) {
    return ascii(INFO_PREFIX + "lines=" + info.lineCount() + " rate="
        + plainRate(info.ratePerSecond()) + " burst=" + info.burst() + "\n");
  }

  /** {@code -1\n\n}: a declined {@code SENDLINE}. */
  public static byte[] declinedReply() {
    return DECLINED_REPLY.clone();
  }

  /** {@code <n>\n<text>\n}: line {@code n} of the file. */
  public static byte[] sendLineReply(long n, byte[] text) {
    return numberAndText(n, text);
  }

  /** {@code SUBMIT\n<id>@<team>\n<count>\n}; the names must pass {@link #isValidName}. */
  public static byte[] submitHeader(String id, String team, int count) {
    if (!isValidName(id)) {
      throw new IllegalArgumentException("id must be " + nameRule() + ", got '" + id + "'");
    }
    if (!isValidName(team)) {
      throw new IllegalArgumentException("team must be " + nameRule() + ", got '" + team + "'");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    return ascii(SUBMIT + "\n" + id + "@" + team + "\n" + count + "\n");
  }

  /** {@code <n>\n<text>\n}: one line of a submission. */
  public static byte[] submitPair(long n, byte[] text) {
    return numberAndText(n, text);
  }

  /** {@code SUBMIT OK <count> lines in <millis> ms\n}. */
  public static byte[] submitOkReply(int count, long millis) {
    if (count < 0 || millis < 0) {
      throw new IllegalArgumentException(
          "count and millis must not be negative, got " + count + " and " + millis);
    }
    return ascii(SUBMIT_OK_PREFIX + count + " lines in " + millis + " ms\n");
  }

  /** {@code SUBMIT FAILED <reason>\n}; the reason is made printable ASCII. */
  public static byte[] submitFailedReply(String reason) {
    return ascii(SUBMIT_FAILED_PREFIX + printableReason(reason) + "\n");
  }

  /** {@code ERROR <reason>\n}; the reason is made printable ASCII. */
  public static byte[] errorReply(String reason) {
    return ascii(ERROR_PREFIX + printableReason(reason) + "\n");
  }

  // ---------------------------------------------------------------- parsing

  /**
   * The number a {@code SENDLINE} reply starts with: a line number, or {@link #DECLINED}. An {@code
   * ERROR} reply gives a {@link ProtocolException} whose {@link ProtocolException#serverError()}
   * holds the reason; anything else a plain {@link ProtocolException}.
   */
  public static long parseReplyNumber(byte[] line) throws ProtocolException {
    requireNoErrorReply(line);
    if (Arrays.equals(line, ascii("-1"))) {
      return DECLINED;
    }
    long n = parseUnsigned(line);
    if (n == NOT_A_NUMBER || n == Long.MAX_VALUE) {
      throw new ProtocolException("not a SENDLINE reply: '" + quote(line) + "'");
    }
    return n;
  }

  /** Parses the one-line reply to a {@code SUBMIT} ({@code ERROR} replies as for SENDLINE). */
  public static SubmitReply parseSubmitReply(byte[] line) throws ProtocolException {
    requireNoErrorReply(line);
    String text = new String(line, StandardCharsets.ISO_8859_1);
    if (text.startsWith(SUBMIT_FAILED_PREFIX) && text.length() > SUBMIT_FAILED_PREFIX.length()) {
      return SubmitReply.failed(
          new String(line, StandardCharsets.UTF_8).substring(SUBMIT_FAILED_PREFIX.length()));
    }
    if (text.startsWith(SUBMIT_OK_PREFIX)) {
      String[] words = text.substring(SUBMIT_OK_PREFIX.length()).split(" ", -1);
      if (words.length == 5 && words[1].equals("lines") && words[2].equals("in")
          && words[4].equals("ms")) {
        long count = parseUnsigned(ascii(words[0]));
        long millis = parseUnsigned(ascii(words[3]));
        if (count != NOT_A_NUMBER && count <= Integer.MAX_VALUE && millis != NOT_A_NUMBER
            && millis != Long.MAX_VALUE) {
          return SubmitReply.accepted((int) count, millis);
        }
      }
    }
    throw new ProtocolException("not a SUBMIT reply: '" + quote(line) + "'");
  }

  /**
   * Parses the reply to {@code INFO}. An {@code ERROR} reply (a server that does not know {@code
   * INFO}) gives a {@link ProtocolException} whose {@link ProtocolException#serverError()} holds
   * the reason; anything else that is not exactly {@code INFO lines=<n> rate=<r> burst=<b>} with
   * values {@link ServerInfo} accepts, a plain {@link ProtocolException}.
   */
  public static ServerInfo parseInfoReply(byte[] line) throws ProtocolException {
    requireNoErrorReply(line);
    if (line.length <= MAX_INFO_REPLY_BYTES) {
      Matcher matcher = INFO_REPLY.matcher(new String(line, StandardCharsets.ISO_8859_1));
      if (matcher.matches()) {
        long lines = Long.parseLong(matcher.group(1));
        double rate = Double.parseDouble(matcher.group(2));
        long burst = Long.parseLong(matcher.group(3));
        if (lines >= 1 && lines <= Integer.MAX_VALUE && rate > 0 && Double.isFinite(rate)
            && burst >= 1 && burst <= Integer.MAX_VALUE) {
          return new ServerInfo((int) lines, rate, (int) burst);
        }
      }
    }
    throw new ProtocolException("not an INFO reply: '" + quote(line) + "'");
  }

  /**
   * The value of an unsigned decimal number ({@code [0-9]+}, one trailing {@code \r} ignored), or
   * {@link #NOT_A_NUMBER}; a value beyond {@code long} gives {@link Long#MAX_VALUE}, so that a
   * caller's range check refuses it like any number that is too large.
   */
  public static long parseUnsigned(byte[] line) {
    int length = withoutCarriageReturn(line);
    if (length == 0) {
      return NOT_A_NUMBER;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      int digit = line[i] - '0';
      if (digit < 0 || digit > 9) {
        return NOT_A_NUMBER;
      }
      // Saturates, but keeps checking that the rest are digits.
      value = value > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : value * 10 + digit;
    }
    return value;
  }

  /**
   * Whether {@code name} can be an {@code id} or a {@code team}: 1 to {@value #MAX_NAME_CHARS}
   * characters from {@code A-Z a-z 0-9 . _ + -}. The rule keeps names safe to print and log, and
   * keeps the {@code @} unambiguous.
   */
  public static boolean isValidName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_CHARS) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '+' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The rule of {@link #isValidName}, in words, for error messages. */
  public static String nameRule() {
    return "1 to " + MAX_NAME_CHARS + " characters from A-Z a-z 0-9 . _ + -";
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Bytes from a peer as printable ASCII for a reason or a log: printable ASCII stays (a backslash
   * is doubled), every other byte is {@code \xNN}, one trailing {@code \r} is dropped, and the
   * result is cut at {@value #MAX_QUOTED_CHARS} characters with "...".
   */
  public static String quote(byte[] bytes) {
    return quote(bytes, MAX_QUOTED_CHARS);
  }

  /** {@link #quote(byte[])} with another length bound. */
  public static String quote(byte[] bytes, int maxChars) {
    int length = withoutCarriageReturn(bytes);
    StringBuilder text = new StringBuilder(Math.min(length, maxChars) + 8);
    for (int i = 0; i < length; i++) {
      int b = bytes[i] & 0xff;
      String piece;
      if (b == '\\') {
        piece = "\\\\";
      } else if (b >= 0x20 && b <= 0x7e) {
        piece = String.valueOf((char) b);
      } else {
        // By hand, not String.format: a garbage line quotes up to 40 of these, and a client can
        // send thousands of garbage lines a second.
        piece = new String(new char[] {'\\', 'x', HEX_DIGITS[b >> 4], HEX_DIGITS[b & 0xf]});
      }
      if (text.length() + piece.length() > maxChars) {
        return text.append("...").toString();
      }
      text.append(piece);
    }
    return text.toString();
  }

  /** The length of {@code line} without one trailing {@code \r}. */
  static int withoutCarriageReturn(byte[] line) {
    int length = line.length;
    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
  }

  /** Whether {@code line}, without one trailing {@code \r}, is exactly {@code word}. */
  static boolean isWord(byte[] line, String word) {
    int length = withoutCarriageReturn(line);
    if (length != word.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (line[i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static void requireNoErrorReply(byte[] line) throws ProtocolException {
    if (line.length >= ERROR_PREFIX.length()
        && new String(line, 0, ERROR_PREFIX.length(), StandardCharsets.ISO_8859_1)
            .equals(ERROR_PREFIX)) {
      throw ProtocolException.serverError(
          quote(Arrays.copyOfRange(line, ERROR_PREFIX.length(), line.length), 200));
    }
  }

  /** A reason that cannot break the framing: no line break, printable ASCII only. */
  private static String printableReason(String reason) {
    if (reason == null || reason.isEmpty()) {
      throw new IllegalArgumentException("a reply needs a reason");
    }
    StringBuilder text = new StringBuilder(reason.length());
    for (int i = 0; i < reason.length(); i++) {
      char c = reason.charAt(i);
      text.append(c >= 0x20 && c <= 0x7e ? c : '?');
    }
    return text.toString();
  }

  /** A rate as {@link #INFO_REPLY} takes it: no exponent, at most 9 decimals, no ".0". */
  private static String plainRate(double ratePerSecond) {
    BigDecimal rounded = BigDecimal.valueOf(ratePerSecond).setScale(9, RoundingMode.HALF_UP)
        .stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  private static byte[] numberAndText(long n, byte[] text) {
    if (n < 0) {
      throw new IllegalArgumentException("a line number cannot be negative, got " + n);
    }
    for (byte b : text) {
      if (b == '\n') {
        throw new IllegalArgumentException("a line's text cannot contain a line break");
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length + 24);
    bytes.writeBytes(ascii(n + "\n"));
    bytes.writeBytes(text);
    bytes.write('\n');
    return bytes.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
