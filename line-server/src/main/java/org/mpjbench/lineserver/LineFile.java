package org.mpjbench.lineserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.SplittableRandom;

/**
 * The file a line server serves, as bytes split at {@code \n}: line {@code n} is the bytes between
 * the {@code n}-th line break and the next, without the {@code \n}. Nothing is decoded or
 * normalized: a {@code \r} stays part of its line, and NUL bytes or invalid UTF-8 pass through
 * unchanged. Immutable and thread-safe; every accessor that returns bytes returns a copy.
 *
 * <p>A last line without a final line break is a line like the others. The reassembled copy
 * ({@link #toBytes()}: every line followed by {@code \n}) then has exactly one byte more than the
 * file on disk, that final {@code \n}; it is the only byte that can differ, and {@link
 * #finalLineBreakMissing()} says when it does (the {@code line-server} command reports it at start).
 * An empty file has no line and is refused.
 */
public final class LineFile {
  /** Largest file served: the lines are kept in one array (plus one byte for a final break). */
  public static final long MAX_SIZE_BYTES = Integer.MAX_VALUE - 16;

  /** Largest generated file, in lines (about 60 bytes each). */
  public static final int MAX_GENERATED_LINES = 10_000_000;

  private static final byte[] EMPTY = new byte[0];

  /** Every line followed by '\n', as {@link #toBytes()} returns it. */
  private final byte[] content;
  /** Line n is content[starts[n], starts[n + 1] - 1); starts[lineCount] is content.length. */
  private final int[] starts;
  private final boolean finalLineBreakMissing;
  private final int longestLineBytes;

  private LineFile(byte[] content, int[] starts, boolean finalLineBreakMissing) {
    this.content = content;
    this.starts = starts;
    this.finalLineBreakMissing = finalLineBreakMissing;
    int longest = 0;
    for (int n = 0; n + 1 < starts.length; n++) {
      longest = Math.max(longest, starts[n + 1] - 1 - starts[n]);
    }
    this.longestLineBytes = longest;
  }

  /**
   * Reads {@code path} as it is on disk. A missing file gives {@link NoSuchFileException}; an empty
   * or too large one {@link IllegalArgumentException} naming it.
   */
  public static LineFile read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_SIZE_BYTES) {
      throw new IllegalArgumentException(path + " has " + size + " bytes; a line server serves at"
          + " most " + MAX_SIZE_BYTES);
    }
    if (size == 0) {
      throw new IllegalArgumentException(path + " is empty: there is no line to serve");
    }
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length == 0) {
      throw new IllegalArgumentException(path + " is empty: there is no line to serve");
    }
    return of(bytes);
  }

  /** The lines of {@code bytes} (a file's content, copied); refused when empty. */
  public static LineFile of(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("the file is empty: there is no line to serve");
    }
    if (bytes.length > MAX_SIZE_BYTES) {
      throw new IllegalArgumentException("the file has " + bytes.length + " bytes; at most "
          + MAX_SIZE_BYTES + " can be served");
    }
    boolean missing = bytes[bytes.length - 1] != '\n';
    byte[] content = Arrays.copyOf(bytes, missing ? bytes.length + 1 : bytes.length);
    content[content.length - 1] = '\n';
    int lineCount = 0;
    for (byte b : content) {
      if (b == '\n') {
        lineCount++;
      }
    }
    int[] starts = new int[lineCount + 1];
    int line = 1;
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        starts[line++] = i + 1;
      }
    }
    return new LineFile(content, starts, missing);
  }

  /** A file of these lines, each followed by {@code \n}; no line may contain {@code \n}. */
  public static LineFile ofLines(List<byte[]> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the file is empty: there is no line to serve");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      for (byte b : line) {
        if (b == '\n') {
          throw new IllegalArgumentException("a line cannot contain a line break");
        }
      }
      bytes.writeBytes(line);
      bytes.write('\n');
    }
    return of(bytes.toByteArray());
  }

  /**
   * A made-up file of {@code lineCount} lines, the same for the same seed: ASCII words mixed with
   * some multi-byte UTF-8 (é, ß, →, 中文, emoji), lines of 0 to 120 bytes, a few of them empty,
   * and a final line break. Lines may repeat, as in real files: the protocol names lines by number.
   */
  public static LineFile generate(int lineCount, long seed) {
    if (lineCount < 1 || lineCount > MAX_GENERATED_LINES) {
      throw new IllegalArgumentException(
          "--lines must be 1 to " + MAX_GENERATED_LINES + ", got " + lineCount);
    }
    SplittableRandom random = new SplittableRandom(seed);
    ByteArrayOutputStream file = new ByteArrayOutputStream(lineCount * 64);
    ByteArrayOutputStream line = new ByteArrayOutputStream(Generator.MAX_LINE_BYTES);
    for (int n = 0; n < lineCount; n++) {
      line.reset();
      if (random.nextInt(100) >= Generator.EMPTY_LINE_PERCENT) {
        Generator.fill(line, random);
      }
      file.writeBytes(line.toByteArray());
      file.write('\n');
    }
    return of(file.toByteArray());
  }

  /** How many lines the file has (at least 1). */
  public int lineCount() {
    return starts.length - 1;
  }

  /** Line {@code n} (0-based) without its line break, as a new array. */
  public byte[] line(int n) {
    checkIndex(n);
    int length = lineLength(n);
    return length == 0 ? EMPTY : Arrays.copyOfRange(content, starts[n], starts[n] + length);
  }

  /** The length of line {@code n} in bytes, without its line break. */
  public int lineLength(int n) {
    checkIndex(n);
    return starts[n + 1] - 1 - starts[n];
  }

  /** Whether {@code text} is exactly line {@code n}, byte for byte. */
  public boolean lineEquals(int n, byte[] text) {
    checkIndex(n);
    return Arrays.equals(content, starts[n], starts[n + 1] - 1, text, 0, text.length);
  }

  /** Writes line {@code n} (without its line break) to {@code out}, without copying it first. */
  public void writeLine(int n, OutputStream out) throws IOException {
    checkIndex(n);
    out.write(content, starts[n], lineLength(n));
  }

  /** The lines as an unmodifiable list; {@code get} returns a copy of the line. */
  public List<byte[]> lines() {
    return new Lines();
  }

  /** The length of the longest line in bytes (0 when every line is empty). */
  public int longestLineBytes() {
    return longestLineBytes;
  }

  /** Whether the file's last byte is not {@code \n} (then {@link #toBytes()} adds one). */
  public boolean finalLineBreakMissing() {
    return finalLineBreakMissing;
  }

  /**
   * The reassembled file: every line followed by {@code \n}. Identical to the file on disk, except
   * for one added final {@code \n} when {@link #finalLineBreakMissing()}.
   */
  public byte[] toBytes() {
    return content.clone();
  }

  /** The length of {@link #toBytes()}. */
  public long sizeBytes() {
    return content.length;
  }

  /** Equal when the lines and {@link #finalLineBreakMissing()} are. */
  @Override
  public boolean equals(Object other) {
    return other instanceof LineFile file
        && finalLineBreakMissing == file.finalLineBreakMissing
        && Arrays.equals(content, file.content);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(content) * 31 + Boolean.hashCode(finalLineBreakMissing);
  }

  @Override
  public String toString() {
    return "LineFile[" + lineCount() + " lines, " + sizeBytes() + " bytes"
        + (finalLineBreakMissing ? ", final line break missing" : "") + "]";
  }

  private void checkIndex(int n) {
    if (n < 0 || n >= lineCount()) {
      throw new IndexOutOfBoundsException(
          "line " + n + " is out of range 0.." + (lineCount() - 1));
    }
  }

  /** The list view of {@link #lines()}. */
  private final class Lines extends AbstractList<byte[]> implements RandomAccess {
    @Override
    public byte[] get(int index) {
      return line(index);
    }

    @Override
    public int size() {
      return lineCount();
    }
  }

  /** Makes the lines of {@link #generate}. */
  private static final class Generator {
    static final int MAX_LINE_BYTES = 120;
    static final int EMPTY_LINE_PERCENT = 3;
    static final int MULTI_BYTE_PERCENT = 12;

    private static final byte[][] ASCII_WORDS = utf8(
        "the", "a", "of", "and", "to", "in", "is", "every", "each", "no", "rank", "clock",
        "token", "ring", "leader", "message", "barrier", "gather", "scatter", "reduce",
        "broadcast", "latency", "round", "trip", "skew", "drift", "node", "peer", "line", "file",
        "server", "client", "request", "reply", "byte", "offset", "median", "average", "fault",
        "quorum", "vote", "commit", "abort", "Lamport", "vector", "snapshot", "channel", "marker",
        "mutex", "queue", "ack", "42", "2024", "x", "MPI", "TCP", "(see", "below)", "--", "=",
        "it's", "\"quoted\"", "a,b;c", "tab\there", "#", "100%", "<tag>", "C:\\path");

    private static final byte[][] MULTI_BYTE_WORDS = utf8(
        "é", "café", "naïve", "ß", "Straße", "Größe", "über", "→", "←→", "½", "Ωmega", "ñandú",
        "中文", "数据", "日本語", "한국어", "Ελληνικά", "русский", "🎉", "🚀", "👍🏽", "𝄞");

    private Generator() {}

    /** Words separated by spaces, up to a length drawn in 1..MAX_LINE_BYTES (at least 1 byte). */
    static void fill(ByteArrayOutputStream line, SplittableRandom random) {
      int target = 1 + random.nextInt(MAX_LINE_BYTES);
      while (line.size() < target) {
        byte[] word = random.nextInt(100) < MULTI_BYTE_PERCENT
            ? MULTI_BYTE_WORDS[random.nextInt(MULTI_BYTE_WORDS.length)]
            : ASCII_WORDS[random.nextInt(ASCII_WORDS.length)];
        int separator = line.size() == 0 ? 0 : 1;
        if (line.size() + separator + word.length > MAX_LINE_BYTES) {
          break; // never cut a word: a multi-byte character stays whole, the line valid UTF-8
        }
        if (separator == 1) {
          line.write(' ');
        }
        line.writeBytes(word);
      }
      if (random.nextInt(8) == 0 && line.size() < MAX_LINE_BYTES) {
        line.write('.');
      }
    }

    private static byte[][] utf8(String... words) {
      byte[][] bytes = new byte[words.length][];
      for (int i = 0; i < words.length; i++) {
        bytes[i] = words[i].getBytes(StandardCharsets.UTF_8);
      }
      return bytes;
    }
  }
}
