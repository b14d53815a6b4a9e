package org.mpjbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The data check's pure steps ({@link SizeValidation}): the patterns that tell messages apart, the
 * verdict on a received buffer and the message that names a wrong byte. Its MPI side runs in every
 * OSU sweep on real ranks ({@code BenchSizesIT}).
 */
class SizeValidationTest {
  @Test
  void aFilledMessageIsItsOwnPatternAndNoOtherMessages() {
    byte[] buffer = new byte[4096];
    SizeValidation.fill(buffer, 0, buffer.length, 4096, 2, 3);
    assertArrayEquals(SizeValidation.ok(), SizeValidation.verdict(buffer, 0, 4096, 4096, 2, 3));
    // Another sender, receiver or size gives other bytes: a message delivered to the wrong rank,
    // from the wrong rank or cut from a larger one is caught.
    for (int[] other : new int[][] {{4096, 3, 3}, {4096, 2, 1}, {8192, 2, 3}}) {
      int[] verdict = SizeValidation.verdict(buffer, 0, 4096, other[0], other[1], other[2]);
      assertTrue(verdict[0] >= 0, () -> "not told apart from " + Arrays.toString(other));
    }
  }

  @Test
  void thePatternChangesFromByteToByte() {
    byte[] buffer = new byte[256];
    SizeValidation.fill(buffer, 0, buffer.length, 256, 0, 1);
    // Shifted by one byte (a message received at the wrong offset) it no longer matches.
    byte[] shifted = new byte[256];
    System.arraycopy(buffer, 0, shifted, 1, 255);
    assertNotEquals(-1, SizeValidation.verdict(shifted, 0, 256, 256, 0, 1)[0]);
    assertNotEquals(-1, SizeValidation.verdict(new byte[256], 0, 256, 256, 0, 1)[0],
        "zeros (nothing received) are not the pattern");
  }

  @Test
  void theFirstWrongByteIsNamedWithBothValues() {
    byte[] buffer = new byte[1024];
    SizeValidation.fill(buffer, 512, 512, 512, 1, 0);
    int index = 300;
    byte want = SizeValidation.expected(512, 1, 0, index);
    buffer[512 + index] = (byte) (want ^ 0x5a);
    int[] verdict = SizeValidation.verdict(buffer, 512, 512, 512, 1, 0);
    assertArrayEquals(new int[] {index, want & 0xff, (want ^ 0x5a) & 0xff, 1}, verdict);

    int[] verdicts = new int[12];
    System.arraycopy(SizeValidation.ok(), 0, verdicts, 0, 4);
    System.arraycopy(SizeValidation.ok(), 0, verdicts, 4, 4);
    System.arraycopy(verdict, 0, verdicts, 8, 4);
    assertEquals(String.format("osu gather at 512 B: rank 2 received byte 300 of rank 1's message"
        + " as 0x%02x, expected 0x%02x: MPI delivered wrong data, so no figure of this run can be"
        + " trusted", (want ^ 0x5a) & 0xff, want & 0xff),
        SizeValidation.firstWrong("gather", 512, verdicts));
  }

  @Test
  void everyRankRightIsNoMessage() {
    int[] verdicts = new int[8];
    System.arraycopy(SizeValidation.ok(), 0, verdicts, 0, 4);
    System.arraycopy(SizeValidation.ok(), 0, verdicts, 4, 4);
    assertNull(SizeValidation.firstWrong("bcast", 1, verdicts));
    int[] reduction = {-1, 0, 0, 0, 7, 0x10, 0x11, -1};
    assertEquals("osu allreduce at 8 B: rank 1 received byte 7 of the reduction as 0x11, expected"
        + " 0x10: MPI delivered wrong data, so no figure of this run can be trusted",
        SizeValidation.firstWrong("allreduce", 8, reduction));
  }
}
