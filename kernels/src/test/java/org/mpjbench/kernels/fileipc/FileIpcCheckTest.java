package org.mpjbench.kernels.fileipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mpjbench.kernels.check.PropertyCheck;

/** {@link ReaderLog} and {@link FileIpcCheck}: every record once, in order, intact, or not. */
class FileIpcCheckTest {
  private static ReaderLog.Counts read(int rank, long... sequences) {
    ReaderLog log = new ReaderLog();
    for (long s : sequences) {
      log.accept(new RecordCodec.Decoded(s, 0, s >= 0)); // a negative one stands for corrupt
    }
    long[] gathered = new long[ReaderLog.LONGS + 2];
    log.writeTo(gathered, 2);
    return ReaderLog.Counts.read(rank, "records", gathered, 2);
  }

  @Test
  void everyRecordOnceInOrderHolds() {
    PropertyCheck check = FileIpcCheck.check(List.of(read(1, 0, 1, 2, 3), read(2, 0, 1, 2, 3)),
        4);
    assertTrue(check.holds(), check::toString);
    assertEquals("2 reader(s) x 4 records, checksums and sequence numbers", check.detail());
    assertEquals(new ReaderLog.Counts(1, "records", 4, 4, 0, 0, 0, -1), read(1, 0, 1, 2, 3));
  }

  @Test
  void aCorruptRecordIsNamed() {
    PropertyCheck check = FileIpcCheck.check(List.of(read(1, 0, 1, 2, 3), read(3, 0, -1, 2, 3)),
        4);
    assertFalse(check.holds());
    assertEquals("rank 3 reading the records: 1 corrupt record(s), the first at record 1",
        check.detail());
  }

  @Test
  void aRecordTwiceOrFromBeforeIsNamed() {
    assertEquals("rank 1 reading the records: 1 record(s) again or out of order, the first at"
        + " record 2", FileIpcCheck.check(List.of(read(1, 0, 1, 1, 2)), 3).detail());
    assertEquals("rank 1 reading the records: 1 record(s) again or out of order, the first at"
        + " record 1", FileIpcCheck.check(List.of(read(1, 0, 2, 1)), 3).detail(),
        "a swap is a skip then one from before, from the skip on");
  }

  @Test
  void aGapIsNamed() {
    PropertyCheck check = FileIpcCheck.check(List.of(read(2, 0, 1, 3, 4)), 5);
    assertEquals("rank 2 reading the records: 1 record(s) skipped, the first gap at record 2",
        check.detail());
  }

  @Test
  void tooFewOrTooManyRecordsAreNamed() {
    assertEquals("rank 1 reading the records: 3 of 4 records",
        FileIpcCheck.check(List.of(read(1, 0, 1, 2)), 4).detail());
    assertEquals("rank 1 reading the records: 5 of 4 records",
        FileIpcCheck.check(List.of(read(1, 0, 1, 2, 3, 4)), 4).detail());
    assertTrue(FileIpcCheck.check(List.of(), 4).holds(), "no reader, nothing to miss");
  }
}
