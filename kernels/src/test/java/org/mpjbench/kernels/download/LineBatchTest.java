package org.mpjbench.kernels.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed MPI buffer layout of what a rank ships at an exchange. */
class LineBatchTest {
  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void everyDrawIsShippedButEachTextOnlyOnce() {
    BitSet shipped = new BitSet();
    LineBatch first = LineBatch.pack(List.of(
        new LineBatch.Draw(3, 100, bytes("trois")),
        new LineBatch.Draw(1, 200, bytes("é→")),
        new LineBatch.Draw(3, 300, bytes("trois"))), shipped);
    assertArrayEquals(new long[] {3, 100, 1, 200, 3, 300}, first.draws());
    assertEquals(3, first.drawCount());
    assertEquals(2, first.newLineCount());
    assertArrayEquals(new int[] {3, 5, 1, 5}, first.newLines());
    List<LineBatch.Line> lines = LineBatch.lines(first.newLines(), first.texts());
    assertEquals(3, lines.get(0).lineNumber());
    assertArrayEquals(bytes("trois"), lines.get(0).text());
    assertArrayEquals(bytes("é→"), lines.get(1).text());

    LineBatch second = LineBatch.pack(List.of(new LineBatch.Draw(1, 400, bytes("é→"))), shipped);
    assertEquals(1, second.drawCount());
    assertEquals(0, second.newLineCount(), "line 1 was shipped before");
    assertEquals(0, second.texts().length);
  }

  @Test
  void gatheredBatchesDecodeBackToBack() {
    BitSet a = new BitSet();
    BitSet b = new BitSet();
    LineBatch one = LineBatch.pack(List.of(new LineBatch.Draw(0, 1, bytes(""))), a);
    LineBatch two = LineBatch.pack(List.of(new LineBatch.Draw(2, 1, new byte[] {0, (byte) 0xff})), b);
    int[] pairs = {one.newLines()[0], one.newLines()[1], two.newLines()[0], two.newLines()[1]};
    byte[] texts = new byte[one.texts().length + two.texts().length];
    System.arraycopy(two.texts(), 0, texts, one.texts().length, two.texts().length);
    List<LineBatch.Line> lines = LineBatch.lines(pairs, texts);
    assertEquals(2, lines.size());
    assertArrayEquals(new byte[0], lines.get(0).text());
    assertArrayEquals(new byte[] {0, (byte) 0xff}, lines.get(1).text());
  }

  @Test
  void inconsistentLengthsAreRefused() {
    assertThrows(IllegalStateException.class, () -> LineBatch.lines(new int[] {0, 5}, new byte[3]));
    assertThrows(IllegalStateException.class, () -> LineBatch.lines(new int[] {0, 1}, new byte[3]));
    assertThrows(IllegalStateException.class, () -> LineBatch.lines(new int[] {0, -1}, new byte[0]));
  }

  @Test
  void aBatchTravelsAsOneMessageOfBytes() {
    LineBatch batch = LineBatch.pack(List.of(
        new LineBatch.Draw(7, Long.MAX_VALUE - 1, bytes("sept")),
        new LineBatch.Draw(0, -5, new byte[] {0, (byte) 0xff, '\n'}),
        new LineBatch.Draw(7, 3, bytes("sept")),
        new LineBatch.Draw(2, 4, new byte[0])), new BitSet());
    byte[] message = batch.encode();
    assertEquals(LineBatch.HEADER_BYTES + 4 * 12 + 3 * 8 + 7, message.length);
    LineBatch back = LineBatch.decode(message, message.length);
    assertArrayEquals(batch.draws(), back.draws());
    assertArrayEquals(batch.newLines(), back.newLines());
    assertArrayEquals(batch.texts(), back.texts());
    List<LineBatch.Line> lines = LineBatch.lines(back.newLines(), back.texts());
    assertEquals(3, lines.size());
    assertArrayEquals(new byte[] {0, (byte) 0xff, '\n'}, lines.get(1).text());
    assertArrayEquals(new byte[0], lines.get(2).text());
  }

  @Test
  void anEmptyBatchIsJustAHeader() {
    LineBatch empty = LineBatch.pack(List.of(), new BitSet());
    byte[] message = empty.encode();
    assertEquals(LineBatch.HEADER_BYTES, message.length);
    LineBatch back = LineBatch.decode(message, message.length);
    assertEquals(0, back.drawCount());
    assertEquals(0, back.newLineCount());
    assertEquals(0, back.texts().length);
  }

  @Test
  void aMessageThatDisagreesWithItsHeaderIsRefused() {
    byte[] message = LineBatch.pack(
        List.of(new LineBatch.Draw(1, 2, bytes("un"))), new BitSet()).encode();
    assertThrows(IllegalStateException.class, () -> LineBatch.decode(message, message.length - 1));
    byte[] longer = java.util.Arrays.copyOf(message, message.length + 1);
    assertThrows(IllegalStateException.class, () -> LineBatch.decode(longer, longer.length));
    assertThrows(IllegalStateException.class, () -> LineBatch.decode(message, 5));
    assertThrows(IllegalStateException.class, () -> LineBatch.decode(message, message.length + 1));
    byte[] negative = message.clone();
    negative[0] = (byte) 0x80; // draw count below zero
    assertThrows(IllegalStateException.class, () -> LineBatch.decode(negative, negative.length));
    // Decoding only the first bytes of a larger buffer (a receive buffer with room to spare).
    byte[] roomy = java.util.Arrays.copyOf(message, message.length + 10);
    assertEquals(1, LineBatch.decode(roomy, message.length).drawCount());
  }
}
