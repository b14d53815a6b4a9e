package org.mpjbench.kernels.fileipc;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The layout of one record on file, fixed in size so that a reader knows where each one ends
 * without a separator: {@code [sequence (8 bytes), send time (8, System.nanoTime of the writer),
 * payload (recordBytes - 20), CRC32 of all the bytes before it (4)]}, big-endian. The payload is a
 * pattern of the sequence number, so that the checksum covers bytes that differ record by record.
 */
public final class RecordCodec {
  /** Bytes before the payload: the sequence number and the send time. */
  public static final int HEADER_BYTES = 16;
  /** Bytes of the checksum that ends every record. */
  public static final int CHECKSUM_BYTES = 4;
  /** The smallest record: the header, the checksum and four bytes of payload. */
  public static final int MIN_RECORD_BYTES = HEADER_BYTES + CHECKSUM_BYTES + 4;

  /**
   * A record as read back.
   *
   * @param sequence its sequence number (meaningless when not intact)
   * @param sendNanos the writer's {@code System.nanoTime()} when it wrote it
   * @param intact whether its checksum matches its bytes
   */
  public record Decoded(long sequence, long sendNanos, boolean intact) {}

  private RecordCodec() {}

  /** Writes record {@code sequence}, sent at {@code sendNanos}, into {@code record} (its size). */
  public static void encode(long sequence, long sendNanos, ByteBuffer record) {
    int size = record.capacity();
    record.clear();
    record.putLong(sequence).putLong(sendNanos);
    for (int i = HEADER_BYTES; i < size - CHECKSUM_BYTES; i++) {
      record.put((byte) (sequence * 31 + i));
    }
    record.putInt(checksum(record, size));
    record.flip();
  }

  /** Reads the record that fills {@code record} (from 0 to its capacity). */
  public static Decoded decode(ByteBuffer record) {
    int size = record.capacity();
    int stored = record.getInt(size - CHECKSUM_BYTES);
    return new Decoded(record.getLong(0), record.getLong(8), stored == checksum(record, size));
  }

  private static int checksum(ByteBuffer record, int size) {
    CRC32 crc = new CRC32();
    crc.update(record.duplicate().clear().limit(size - CHECKSUM_BYTES));
    return (int) crc.getValue();
  }
}
