package org.mpjbench.kernels.multicast;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The fixed layout of a multicast datagram, big-endian: {@code magic (int), runId (long),
 * sequence (long), sendNanos (long), payloadLongs (int), payload (longs), crc32 (int)}, the CRC
 * over everything before it. Every datagram of a run has the same size, so a receiver reads into
 * a buffer one byte larger and knows a datagram of any other length for garbage; the run id (rank
 * 0's random number, sent to the ranks by MPI) tells foreign datagrams (another run on the same
 * group and port) from the run's own.
 */
public final class UdpDatagram {
  /** "MCUD": the first four bytes of every datagram of this kernel. */
  public static final int MAGIC = 0x4D43_5544;
  /** Bytes before the payload. */
  public static final int HEADER_BYTES = 4 + 8 + 8 + 8 + 4;
  /** Bytes after the payload (the CRC). */
  public static final int TRAILER_BYTES = 4;
  /** The largest UDP payload over IPv4. */
  public static final int MAX_UDP_BYTES = 65_507;

  /**
   * One decoded datagram.
   *
   * @param sequence its sequence number (checked against the run's range by the receiver)
   * @param sendNanos rank 0's {@link System#nanoTime()} at the first send of this number
   */
  public record Decoded(long sequence, long sendNanos) {}

  private UdpDatagram() {}

  /** The size in bytes of every datagram with {@code payloadLongs} longs of payload. */
  public static int size(int payloadLongs) {
    return HEADER_BYTES + 8 * payloadLongs + TRAILER_BYTES;
  }

  /** The payload's value at index {@code i}: known to the receiver, so that it can check it. */
  static long payload(long sequence, int i) {
    return sequence * 31 + i;
  }

  /** Writes a datagram of this run into {@code buffer} (of {@link #size(int)} bytes). */
  public static void encode(byte[] buffer, long runId, long sequence, long sendNanos,
      int payloadLongs) {
    ByteBuffer out = ByteBuffer.wrap(buffer, 0, size(payloadLongs));
    out.putInt(MAGIC).putLong(runId).putLong(sequence).putLong(sendNanos).putInt(payloadLongs);
    for (int i = 0; i < payloadLongs; i++) {
      out.putLong(payload(sequence, i));
    }
    CRC32 crc = new CRC32();
    crc.update(buffer, 0, out.position());
    out.putInt((int) crc.getValue());
  }

  /**
   * The datagram in {@code buffer[0..length)}, or null when it is not one of this run's: wrong
   * length, magic, run id, payload size, CRC or payload.
   */
  public static Decoded decode(byte[] buffer, int length, long runId, int payloadLongs) {
    if (length != size(payloadLongs)) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(buffer, 0, length);
    if (in.getInt() != MAGIC || in.getLong() != runId) {
      return null;
    }
    long sequence = in.getLong();
    long sendNanos = in.getLong();
    if (in.getInt() != payloadLongs) {
      return null;
    }
    for (int i = 0; i < payloadLongs; i++) {
      if (in.getLong() != payload(sequence, i)) {
        return null;
      }
    }
    CRC32 crc = new CRC32();
    crc.update(buffer, 0, in.position());
    if (in.getInt() != (int) crc.getValue()) {
      return null;
    }
    return new Decoded(sequence, sendNanos);
  }
}
