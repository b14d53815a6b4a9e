package org.mpjbench.kernels.naming;

import java.nio.charset.StandardCharsets;

/**
 * Names on the wire: {@code [length in bytes, packed UTF-8 bytes (8 per long, little-end first)]}
 * in a fixed block of {@link #WORDS} longs, so a message has a fixed layout and never carries a
 * string to split. Names are at most {@link #MAX_BYTES} bytes.
 */
public final class NameCodec {
  /** Longest name in UTF-8 bytes. */
  public static final int MAX_BYTES = 128;
  /** Longs a name takes in a message: the length and the packed bytes. */
  public static final int WORDS = 1 + MAX_BYTES / 8;

  private NameCodec() {}

  /** Writes {@code name} into {@code message} from {@code offset} ({@link #WORDS} longs). */
  public static void encode(String name, long[] message, int offset) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "name longer than " + MAX_BYTES + " bytes: " + bytes.length);
    }
    java.util.Arrays.fill(message, offset, offset + WORDS, 0L);
    message[offset] = bytes.length;
    for (int i = 0; i < bytes.length; i++) {
      message[offset + 1 + i / 8] |= (bytes[i] & 0xFFL) << (8 * (i % 8));
    }
  }

  /** Reads the name written by {@link #encode} at {@code offset}. */
  public static String decode(long[] message, int offset) {
    long length = message[offset];
    if (length < 0 || length > MAX_BYTES) {
      throw new IllegalArgumentException("bad name length " + length);
    }
    byte[] bytes = new byte[(int) length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (message[offset + 1 + i / 8] >>> (8 * (i % 8)));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
