package org.mpjbench.kernels.fileipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link RecordCodec}: records read back as written, corruption seen. */
class FileIpcRecordTest {
  @Test
  void aRecordReadsBackAsWritten() {
    for (int size : new int[] {RecordCodec.MIN_RECORD_BYTES, 64, 4096}) {
      ByteBuffer record = ByteBuffer.allocate(size);
      RecordCodec.encode(41, 123_456_789L, record);
      assertEquals(size, record.remaining(), "ready to write, whole");
      assertEquals(new RecordCodec.Decoded(41, 123_456_789L, true), RecordCodec.decode(record));
    }
  }

  @Test
  void everyFlippedBitIsCaught() {
    ByteBuffer record = ByteBuffer.allocate(64);
    RecordCodec.encode(7, 99, record);
    for (int at = 0; at < 64; at++) {
      for (int bit = 0; bit < 8; bit++) {
        ByteBuffer copy = ByteBuffer.allocate(64).put(record.duplicate()).flip();
        copy.put(at, (byte) (copy.get(at) ^ (1 << bit)));
        assertFalse(RecordCodec.decode(copy).intact(), "byte " + at + " bit " + bit);
      }
    }
  }

  @Test
  void recordsOfDifferentSequencesDifferInThePayloadToo() {
    ByteBuffer a = ByteBuffer.allocate(32);
    ByteBuffer b = ByteBuffer.allocate(32);
    RecordCodec.encode(1, 5, a);
    RecordCodec.encode(2, 5, b);
    assertTrue(a.slice(16, 12).compareTo(b.slice(16, 12)) != 0);
    // A record's bytes under another's checksum do not pass.
    b.putInt(28, a.getInt(28));
    assertFalse(RecordCodec.decode(b).intact());
  }
}
